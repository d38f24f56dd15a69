import { Injectable, Logger } from '@nestjs/common';
import type { FindingResponse, ProjectRole, QuestionMapping, SessionKind } from '@tropa/contracts';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DomainException } from '../../core/errors/domain.exception';
import { ClusterReviewService } from '../synthesis/cluster-review.service';
import { SynthesisRunner } from '../synthesis/synthesis-runner';
import { SynthesisRunsService } from '../synthesis/synthesis-runs.service';
import { JourneyMapsService } from '../journey/journey-maps.service';
import { JourneyMetricsService } from '../journey/journey-metrics.service';
import { JourneyReviewService } from '../journey/journey-review.service';
import { MembersService } from '../members/members.service';
import { PersonasService } from '../personas/personas.service';
import { ProjectsService } from '../projects/projects.service';
import { QuotesService } from '../quotes/quotes.service';
import { SessionsService } from '../sessions/sessions.service';
import { TranscriptImportService } from '../sessions/transcript-import.service';
import { ResponsesService } from '../surveys/responses.service';
import { SurveysService } from '../surveys/surveys.service';
import { TouchpointsService } from '../touchpoints/touchpoints.service';
import { UserEntity } from '../users/user.entity';
import { DEMO_PERSONAS, DEMO_PROJECT, DEMO_RECOMMENDATIONS, DEMO_STAGES, DEMO_TOUCHPOINTS, SEGMENT_ATTRIBUTE } from './demo-content';
import { demoDialogue, demoEventsCsv, demoRespondents, demoSurveyDefinition, MODERATOR_SPEAKER, MOOD_STAGES, toVtt, type DemoLine, type DemoSpeaker } from './demo-evidence';
import { DemoRandom } from './demo-random';
import type { DemoProjectResponse, DemoUserResponse, DemoVolumes } from './dto/demo.dto';

const SEED = 20261123;
const RESPONDENTS = 320;
const CUSTOMERS = 3000;
const MIN_UTTERANCES = 160;
/** Share of codable participant utterances a moderator has highlighted. */
const HIGHLIGHTED = 0.45;
const SYNTHESIS_TIMEOUT_MS = 5 * 60_000;

const ROLE_USERS: Array<{ role: DemoUserResponse['role']; displayName: string }> = [
  { role: 'researcher', displayName: 'Демо: исследовательница' },
  { role: 'moderator', displayName: 'Демо: модератор' },
  { role: 'strategist', displayName: 'Демо: стратег' },
];

const SESSIONS: Array<{ kind: SessionKind; title: string; heldOn: string; speakers: DemoSpeaker[] }> = [
  {
    kind: 'focus_group',
    title: 'Фокус-группа 1: покупательницы приложения',
    heldOn: '2026-10-14',
    speakers: [
      { pseudonym: 'Марина', persona: 'mama' },
      { pseudonym: 'Алина', persona: 'beauty' },
      { pseudonym: 'Света', persona: 'student' },
      { pseudonym: 'Ольга', persona: 'mama' },
      { pseudonym: 'Даша', persona: 'student' },
    ],
  },
  {
    kind: 'focus_group',
    title: 'Фокус-группа 2: постоянные клиентки магазинов',
    heldOn: '2026-10-21',
    speakers: [
      { pseudonym: 'Наташа', persona: 'mama' },
      { pseudonym: 'Кристина', persona: 'beauty' },
      { pseudonym: 'Вика', persona: 'beauty' },
      { pseudonym: 'Полина', persona: 'student' },
      { pseudonym: 'Ирина', persona: 'mama' },
    ],
  },
  { kind: 'interview', title: 'Интервью: Елена, мама двоих детей', heldOn: '2026-10-28', speakers: [{ pseudonym: 'Елена', persona: 'mama' }] },
  { kind: 'interview', title: 'Интервью: Ксения, бьюти-блогер', heldOn: '2026-11-02', speakers: [{ pseudonym: 'Ксения', persona: 'beauty' }] },
];

interface ProjectContext {
  projectId: string;
  owner: UserEntity;
  stages: Array<{ id: string; name: string; position: number }>;
  touchpoints: Map<string, string>;
  personas: Map<string, string>;
}

/**
 * Creates the demo project ("Онлайн-магазин косметики (демо)") through the
 * application's own services, as a user would fill it: inventory, personas,
 * survey and its responses, transcripts and highlights, the events file, a
 * synthesis run, accepted jobs, the assembled map and recommendations.
 */
@Injectable()
export class DemoService {
  private readonly logger = new Logger(DemoService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly projects: ProjectsService,
    private readonly members: MembersService,
    private readonly personas: PersonasService,
    private readonly touchpoints: TouchpointsService,
    private readonly surveys: SurveysService,
    private readonly responses: ResponsesService,
    private readonly sessions: SessionsService,
    private readonly transcripts: TranscriptImportService,
    private readonly quotes: QuotesService,
    private readonly metrics: JourneyMetricsService,
    private readonly runs: SynthesisRunsService,
    private readonly runner: SynthesisRunner,
    private readonly clusters: ClusterReviewService,
    private readonly maps: JourneyMapsService,
    private readonly review: JourneyReviewService,
  ) {}

  async create(owner: UserEntity, options: { roleUsers: boolean }): Promise<DemoProjectResponse> {
    if (!owner.canCreateProjects) throw DomainException.forbidden('Your account may not create projects: ask the instance administrator');
    const started = Date.now();
    const random = new DemoRandom(SEED);
    const project = await this.projects.create(owner, { name: DEMO_PROJECT.name, description: DEMO_PROJECT.description, language: 'ru', stageTemplate: 'seven' });
    const createdUsers: string[] = [];
    const phases: Record<string, number> = {};
    const timed = async <T>(phase: string, work: () => Promise<T>): Promise<T> => {
      const at = Date.now();
      try {
        return await work();
      } finally {
        phases[phase] = Date.now() - at;
      }
    };
    try {
      const context = await timed('inventory', () => this.inventory(project.id, owner));
      const users = options.roleUsers ? await timed('users', () => this.roleUsers(project.id, owner, createdUsers)) : [];
      const responses = await timed('survey', () => this.survey(context, random));
      const moderatorEmail = users.find((user) => user.role === 'moderator')?.email;
      const coder = (moderatorEmail && (await this.dataSource.getRepository(UserEntity).findOneBy({ email: moderatorEmail }))) || owner;
      const transcripts = await timed('transcripts', () => this.transcriptSessions(context, coder, random));
      const events = await timed('events', () => this.events(context, random));
      const acceptedJobs = await timed('synthesis', () => this.synthesise(context));
      const { findings, recommendations } = await timed('map', () => this.map(context));
      const volumes: DemoVolumes = {
        touchpoints: context.touchpoints.size,
        personas: context.personas.size,
        responses,
        sessions: SESSIONS.length,
        utterances: transcripts.utterances,
        quotes: await this.count(`SELECT count(*)::int AS n FROM quotes WHERE project_id = $1`, project.id),
        taggedQuotes: transcripts.tagged,
        events,
        acceptedJobs,
        findings,
        recommendations,
      };
      const durationMs = Date.now() - started;
      this.logger.log(`demo project ${project.id} created in ${durationMs} ms (${JSON.stringify(phases)}): ${JSON.stringify(volumes)}`);
      return { project, users, volumes, durationMs };
    } catch (error) {
      // Nothing half-made stays behind: the project (with everything in it) and the demo accounts go.
      await this.dataSource.query(`DELETE FROM projects WHERE id = $1`, [project.id]).catch(() => undefined);
      if (createdUsers.length) await this.dataSource.query(`DELETE FROM users WHERE id = ANY($1::uuid[])`, [createdUsers]).catch(() => undefined);
      throw error;
    }
  }

  private async count(sql: string, projectId: string): Promise<number> {
    const [row] = (await this.dataSource.query(sql, [projectId])) as Array<{ n: number }>;
    return row.n;
  }

  private async inventory(projectId: string, owner: UserEntity): Promise<ProjectContext> {
    const stages = (await this.dataSource.query(`SELECT id, name, position FROM stages WHERE project_id = $1 ORDER BY position`, [projectId])) as ProjectContext['stages'];
    if (stages.length !== DEMO_STAGES.length) throw new Error(`the demo needs the 7-stage framework, got ${stages.length} stages`);
    const touchpoints = new Map<string, string>();
    for (const touchpoint of DEMO_TOUCHPOINTS) {
      const saved = await this.touchpoints.create(projectId, {
        name: touchpoint.name,
        channel: touchpoint.channel,
        online: touchpoint.online,
        ownerDepartment: touchpoint.department,
        stageIds: touchpoint.stages.map((position) => stages[position].id),
        aliases: touchpoint.aliases,
      });
      touchpoints.set(touchpoint.key, saved.id);
    }
    const personas = new Map<string, string>();
    for (const persona of DEMO_PERSONAS) {
      const saved = await this.personas.create(projectId, { name: persona.name, description: persona.description, goals: persona.goals, attributes: persona.attributes });
      personas.set(persona.key, saved.id);
    }
    return { projectId, owner, stages, touchpoints, personas };
  }

  /** One account per other role, added through the members service (argon2 hash, audit row). */
  private async roleUsers(projectId: string, owner: UserEntity, created: string[]): Promise<DemoUserResponse[]> {
    const suffix = randomBytes(4).toString('hex');
    const users: DemoUserResponse[] = [];
    for (const { role, displayName } of ROLE_USERS) {
      const email = `demo-${role}-${suffix}@tropa.example.com`;
      const password = randomBytes(12).toString('base64url');
      const added = await this.members.add(projectId, { email, role: role as ProjectRole, password, displayName }, owner);
      if (added.member) created.push(added.member.userId);
      users.push({ role, email, displayName, password });
    }
    return users;
  }

  /** The survey mapped to stages, opened, and answered through the public submission path. */
  private async survey(context: ProjectContext, random: DemoRandom): Promise<number> {
    const { projectId, owner, stages } = context;
    const survey = await this.surveys.create(
      projectId,
      { title: 'Опрос покупателей: как вы покупаете косметику', description: 'Онлайн-опрос клиентов магазина по всем этапам пути', definition: demoSurveyDefinition() },
      owner,
    );
    const mapping = (questionName: string, fields: Partial<QuestionMapping>): QuestionMapping => ({
      questionName,
      stageId: null,
      touchpointId: null,
      personaAttribute: null,
      metric: null,
      jtbdPrompt: false,
      ...fields,
    });
    const mappings: QuestionMapping[] = [
      mapping('segment', { personaAttribute: SEGMENT_ATTRIBUTE }),
      mapping('jtbd', { jtbdPrompt: true }),
      mapping('nps', { metric: 'nps' }),
      ...stages.flatMap((stage, index) => [
        mapping(`csat_${index}`, { stageId: stage.id, metric: 'csat' }),
        mapping(`story_${index}`, { stageId: stage.id }),
        ...(MOOD_STAGES.includes(index) ? [mapping(`mood_${index}`, { stageId: stage.id, metric: 'emotion' })] : []),
      ]),
    ];
    await this.surveys.updateMappings(projectId, survey.id, { mappings });
    const opened = await this.surveys.update(projectId, survey.id, { status: 'open' });
    const token = opened.publicToken as string;
    const respondents = demoRespondents(random, RESPONDENTS);
    for (const respondent of respondents) await this.responses.submit(token, { respondentKey: respondent.respondentKey, answers: respondent.answers });
    return respondents.length;
  }

  /** Sessions with participants, their transcripts imported as WebVTT, and part of the talk highlighted and tagged. */
  private async transcriptSessions(context: ProjectContext, coder: UserEntity, random: DemoRandom): Promise<{ utterances: number; tagged: number }> {
    const { projectId } = context;
    const tags = (await this.dataSource.query(`SELECT id, kind, name, stage_id FROM tags WHERE project_id = $1`, [projectId])) as Array<{
      id: string;
      kind: string;
      name: string;
      stage_id: string | null;
    }>;
    const tagNamed = (name: string) => tags.find((tag) => tag.name === name)?.id;
    const tagOfKind = (kind: string) => tags.find((tag) => tag.kind === kind)?.id;
    const stageTag = (position: number) => tags.find((tag) => tag.kind === 'stage' && tag.stage_id === context.stages[position].id)?.id;
    let utterances = 0;
    let tagged = 0;
    for (const plan of SESSIONS) {
      const session = await this.sessions.create(projectId, { kind: plan.kind, title: plan.title, heldOn: plan.heldOn, moderatorId: coder.id, notes: 'Сгенерированный демо-транскрипт.' });
      const participants = new Map<string, string>();
      for (const speaker of plan.speakers) {
        const participant = await this.sessions.addParticipant(projectId, session.id, { pseudonym: speaker.pseudonym, personaId: context.personas.get(speaker.persona) ?? null, consent: true }, 'owner');
        participants.set(speaker.pseudonym, participant.id);
      }
      const lines = demoDialogue(random, plan.speakers, MIN_UTTERANCES + random.int(0, 20));
      const buffer = Buffer.from(toVtt(lines), 'utf8');
      const speakers = [{ speaker: MODERATOR_SPEAKER, moderator: true }, ...plan.speakers.map((speaker) => ({ speaker: speaker.pseudonym, participantId: participants.get(speaker.pseudonym) }))];
      const imported = await this.transcripts.commit(projectId, session.id, { originalname: `${plan.kind}-${plan.heldOn}.vtt`, size: buffer.length, buffer }, JSON.stringify({ speakers, redactions: [], names: [] }));
      utterances += imported.utterances;
      const stored = (await this.dataSource.query(`SELECT id, position, text FROM utterances WHERE session_id = $1 ORDER BY position`, [session.id])) as Array<{
        id: string;
        position: number;
        text: string;
      }>;
      for (const utterance of stored) {
        const line: DemoLine | undefined = lines[utterance.position];
        if (!line?.code || !random.chance(HIGHLIGHTED)) continue;
        const core = line.text.slice(line.start, line.end);
        const at = utterance.text.indexOf(core);
        const [start, end] = at >= 0 ? [at, at + core.length] : [0, utterance.text.length];
        const tagIds = this.highlightTags(line, random, { tagNamed, tagOfKind, stageTag });
        await this.quotes.create(projectId, { utteranceId: utterance.id, start, end, tagIds }, coder);
        tagged += 1;
      }
    }
    return { utterances, tagged };
  }

  private highlightTags(
    line: DemoLine,
    random: DemoRandom,
    find: { tagNamed: (name: string) => string | undefined; tagOfKind: (kind: string) => string | undefined; stageTag: (position: number) => string | undefined },
  ): string[] {
    const ids: Array<string | undefined> = [];
    if (line.stage !== null) ids.push(find.stageTag(line.stage));
    if (line.code === 'job') ids.push(find.tagOfKind('job'));
    if (line.code === 'pain') ids.push(find.tagOfKind('pain'), random.chance(0.6) ? find.tagNamed(random.pick(['Негатив', 'Раздражение', 'Сомнение'])) : undefined);
    if (line.code === 'gain') ids.push(find.tagOfKind('gain'), random.chance(0.6) ? find.tagNamed(random.pick(['Позитив', 'Восторг', 'Любопытство'])) : undefined);
    if (line.phraseKind === 'decision') ids.push(find.tagOfKind('decision'));
    if (line.phraseKind === 'action') ids.push(find.tagOfKind('action'));
    return [...new Set(ids.filter((id): id is string => id !== undefined))];
  }

  /** The funnel's events file, through the same import as an upload. */
  private async events(context: ProjectContext, random: DemoRandom): Promise<number> {
    const { csv } = demoEventsCsv(
      random,
      context.stages.map((stage) => stage.name),
      CUSTOMERS,
    );
    const result = await this.metrics.importEvents(context.projectId, { originalname: 'events.csv', buffer: Buffer.from(csv, 'utf8') });
    return result.imported;
  }

  /** A synthesis run executed here (the queued job finds it already done) and the biggest jobs accepted. */
  private async synthesise(context: ProjectContext): Promise<number> {
    const run = await this.runs.start(context.projectId, { seed: 7 }, context.owner.id);
    await this.runner.run(run.id);
    const deadline = Date.now() + SYNTHESIS_TIMEOUT_MS;
    for (;;) {
      const current = await this.runs.get(context.projectId, run.id);
      if (current.status === 'succeeded') break;
      if (current.status === 'failed' || current.status === 'cancelled') throw new Error(`the demo's synthesis run ended ${current.status}`);
      if (Date.now() > deadline) throw new Error('the demo synthesis run did not finish in time');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const jobs = (await this.dataSource.query(`SELECT id FROM synthesis_clusters WHERE run_id = $1 AND kind = 'job' ORDER BY size DESC, position LIMIT 3`, [run.id])) as Array<{
      id: string;
    }>;
    // The engine names a job by what its people want; the demo accepts the biggest three as they are.
    for (const job of jobs) await this.clusters.accept(context.projectId, job.id, context.owner.id);
    return jobs.length;
  }

  /** The assembled map and the strategist's recommendations, each linked to the strongest pains of its stage. */
  private async map(context: ProjectContext): Promise<{ findings: number; recommendations: number }> {
    const map = await this.maps.assemble(context.projectId, null);
    const byScore = (a: FindingResponse, b: FindingResponse) => b.score - a.score;
    let recommendations = 0;
    for (const recommendation of DEMO_RECOMMENDATIONS) {
      const stageId = context.stages[recommendation.stage].id;
      const inStage = map.findings.filter((finding) => finding.stageId === stageId);
      const pains = inStage.filter((finding) => finding.lane === 'pains').sort(byScore);
      const linked = (pains.length ? pains : [...inStage].sort(byScore)).slice(0, 2);
      await this.review.createRecommendation(
        context.projectId,
        null,
        {
          text: recommendation.text,
          findingIds: linked.map((finding) => finding.id),
          stageId,
          kpi: recommendation.kpi,
          expectedEffect: recommendation.effect,
          impact: recommendation.impact,
          effort: recommendation.effort,
        },
        context.owner.id,
      );
      recommendations += 1;
    }
    return { findings: map.findings.length, recommendations };
  }
}
