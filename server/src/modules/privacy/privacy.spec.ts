import type { AuditEntryResponse, ErasureResponse, JourneyMapResponse, ParticipantResponse, ResponseRecord, UtteranceResponse } from '@tropa/contracts';
import type { ApiClient } from '../../../test/api-client';
import { createTestApp, type TestApp } from '../../../test/create-test-app';
import { evidenceAnswer } from '../../../test/factories/synthesis-evidence';
import { focusGroupVtt } from '../../../test/factories/transcript.factory';
import { firstUser, memberWithRole } from '../../../test/factories/user.factory';
import { RETENTION_LOCK, RetentionService } from './retention.service';

/**
 * Erasure of a focus-group participant and of a survey respondent (their words, quotes,
 * answers and contact go; an audit row without them stays; the map re-assembles without
 * their quotes), and the nightly retention sweep.
 */
describe('privacy', () => {
  let testApp: TestApp;
  let owner: ApiClient;
  let researcher: ApiClient;
  let strategist: ApiClient;
  let moderator: ApiClient;
  let outsider: ApiClient;
  let projectId: string;
  let otherProjectId: string;
  let sessionId: string;
  let surveyId: string;
  let otherSurveyId: string;
  let participants: Record<string, ParticipantResponse>;

  const api = (path: string, project = projectId) => `/api/projects/${project}${path}`;
  const query = <T>(sql: string, params: unknown[] = []) => testApp.dataSource.query(sql, params) as Promise<T[]>;
  const auditRows = async (action: string) =>
    ((await owner.get(api(`/audit?action=${action}&pageSize=100`)).expect(200)).body.items as AuditEntryResponse[]);

  async function openSurvey(project: string, stageId: string | null, answers: number, prefix: string): Promise<string> {
    const definition = { pages: [{ name: 'p1', elements: [{ type: 'comment', name: 'story', title: 'Расскажите о последнем заказе', isRequired: true }] }] };
    const survey = (await owner.post(api('/surveys', project), { title: 'Заказы', definition }).expect(201)).body as { id: string };
    if (stageId) {
      await owner
        .put(api(`/surveys/${survey.id}/mappings`, project), {
          mappings: [{ questionName: 'story', stageId, touchpointId: null, personaAttribute: null, metric: null, jtbdPrompt: false }],
        })
        .expect(200);
    }
    const token = (await owner.patch(api(`/surveys/${survey.id}`, project), { status: 'open' }).expect(200)).body.publicToken as string;
    for (let i = 0; i < answers; i++) {
      await owner.post(`/api/public/surveys/${token}/responses`, { respondentKey: `${prefix}-key-${String(i).padStart(4, '0')}`, answers: { story: evidenceAnswer(i) } }).expect(201);
    }
    return survey.id;
  }

  beforeAll(async () => {
    testApp = await createTestApp();
    owner = await firstUser(testApp);
    projectId = (await owner.createProject({ language: 'ru' })).id;
    otherProjectId = (await owner.createProject({ language: 'ru', name: 'Другой проект' })).id;
    researcher = await memberWithRole(owner, projectId, 'researcher');
    strategist = await memberWithRole(owner, projectId, 'strategist');
    moderator = await memberWithRole(owner, projectId, 'moderator');
    outsider = await memberWithRole(owner, otherProjectId, 'owner');

    const session = (await moderator.post(api('/sessions'), { kind: 'focus_group', title: 'Группа' }).expect(201)).body as { id: string };
    sessionId = session.id;
    participants = {};
    for (const [pseudonym, contact] of [
      ['Участница 1', 'anna.petrova@example.ru'],
      ['Участник 2', '+7 912 000-00-00'],
      ['Участница 3', null],
    ] as const) {
      participants[pseudonym] = (await owner.post(api(`/sessions/${sessionId}/participants`), { pseudonym, contact, consent: true }).expect(201)).body;
    }
    const plan = {
      speakers: [
        { speaker: 'Модератор', moderator: true },
        { speaker: 'Анна Петрова', participantId: participants['Участница 1'].id },
        { speaker: 'Игорь', participantId: participants['Участник 2'].id },
        { speaker: 'Ольга', participantId: participants['Участница 3'].id },
      ],
      redactions: [],
      names: [],
    };
    await moderator.post(api(`/sessions/${sessionId}/transcript`)).field('plan', JSON.stringify(plan)).attach('file', Buffer.from(focusGroupVtt()), 'group.vtt').expect(201);
    const utterances = (await owner.get(api(`/sessions/${sessionId}/utterances`)).expect(200)).body.items as UtteranceResponse[];
    const tags = (await owner.get(api('/tags?pageSize=100')).expect(200)).body.items as Array<{ id: string }>;
    for (const utterance of utterances.filter((u) => !u.moderator)) {
      await moderator.post(api('/quotes'), { utteranceId: utterance.id, start: 0, end: 10, tagIds: [tags[0].id] }).expect(201);
    }

    const stages = (await owner.get(api('/stages')).expect(200)).body.items as Array<{ id: string }>;
    surveyId = await openSurvey(projectId, stages[2].id, 12, 'respondent');
    otherSurveyId = await openSurvey(otherProjectId, null, 2, 'other');
  });

  afterAll(async () => {
    await testApp?.close();
  });

  describe('access', () => {
    it('should refuse strategists and moderators with 403 and hide the project from non-members with 404', async () => {
      const participant = api(`/sessions/${sessionId}/participants/${participants['Участник 2'].id}/erase`);
      const [response] = await query<{ id: string }>(`SELECT id FROM survey_responses WHERE survey_id = $1 LIMIT 1`, [surveyId]);
      const respondent = api(`/surveys/${surveyId}/responses/${response.id}/erase`);
      for (const path of [participant, respondent]) {
        await strategist.post(path, {}).expect(403);
        await moderator.post(path, {}).expect(403);
        await outsider.post(path, {}).expect(404);
      }
      expect((await query<{ n: number }>(`SELECT count(*)::int AS n FROM survey_responses WHERE erased_at IS NOT NULL`))[0].n).toBe(0);
      expect((await query<{ n: number }>(`SELECT count(*)::int AS n FROM participants WHERE erased_at IS NOT NULL`))[0].n).toBe(0);
    });

    it('should answer 404 for a participant of another session and a response of another survey', async () => {
      await owner.post(api(`/sessions/00000000-0000-4000-8000-000000000000/participants/${participants['Участник 2'].id}/erase`), {}).expect(404);
      const [foreign] = await query<{ id: string }>(`SELECT id FROM survey_responses WHERE survey_id = $1 LIMIT 1`, [otherSurveyId]);
      await owner.post(api(`/surveys/${surveyId}/responses/${foreign.id}/erase`), {}).expect(404);
      await owner.post(api(`/surveys/${surveyId}/responses/not-a-uuid/erase`), {}).expect(404);
    });
  });

  describe('erasing a participant', () => {
    let before: UtteranceResponse[];
    let result: ErasureResponse;
    const anna = () => participants['Участница 1'];

    beforeAll(async () => {
      before = (await owner.get(api(`/sessions/${sessionId}/utterances`)).expect(200)).body.items;
      result = (await researcher.post(api(`/sessions/${sessionId}/participants/${anna().id}/erase`), {}).expect(200)).body;
    });

    it('should replace their words and name in the transcript and keep its order', async () => {
      expect(result).toEqual({ utterances: 1, quotes: 1, answers: 0, pseudonym: 'Удалённый участник 1' });
      const after = (await owner.get(api(`/sessions/${sessionId}/utterances`)).expect(200)).body.items as UtteranceResponse[];
      expect(after.map((u) => u.position)).toEqual(before.map((u) => u.position));
      expect(after.map((u) => [u.speaker, u.text])).toEqual(
        before.map((u) => (u.participantId === anna().id ? ['Удалённый участник 1', '[удалено]'] : [u.speaker, u.text])),
      );
      const stored = JSON.stringify(await query(`SELECT u.text, u.speaker, p.pseudonym, p.contact FROM utterances u LEFT JOIN participants p ON p.id = u.participant_id`));
      expect(stored).not.toMatch(/по составу|anna\.petrova|Участница 1/);
    });

    it('should delete their quotes with their tags and keep the others', async () => {
      const quotes = await query<{ participant_key: string }>(`SELECT participant_key FROM quotes WHERE source_type = 'transcript'`);
      expect(quotes.map((q) => q.participant_key).sort()).toEqual([participants['Участник 2'].id, participants['Участница 3'].id].sort());
      expect((await query<{ n: number }>(`SELECT count(*)::int AS n FROM quote_tags`))[0].n).toBe(2);
    });

    it('should clear their contact and persona and mark them erased', async () => {
      const list = (await owner.get(api(`/sessions/${sessionId}/participants`)).expect(200)).body.items as ParticipantResponse[];
      const erased = list.find((p) => p.id === anna().id);
      expect(erased).toMatchObject({ pseudonym: 'Удалённый участник 1', contact: null, personaId: null });
      expect(erased?.erasedAt).toEqual(expect.any(String));
      expect(list.find((p) => p.id === participants['Участник 2'].id)?.contact).toBe('+7 912 000-00-00');
    });

    it('should leave an audit row that names no erased data', async () => {
      const rows = await auditRows('privacy.erase_participant');
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ actorEmail: researcher.user?.email, target: 'Удалённый участник 1', details: { participantId: anna().id, utterances: 1, quotes: 1 } });
      expect(JSON.stringify(rows[0])).not.toMatch(/Участница 1|anna|по составу/);
    });

    it('should answer 200 with nothing left to erase the second time, without another audit row', async () => {
      const again = (await owner.post(api(`/sessions/${sessionId}/participants/${anna().id}/erase`), {}).expect(200)).body;
      expect(again).toEqual({ utterances: 0, quotes: 0, answers: 0, pseudonym: 'Удалённый участник 1' });
      expect(await auditRows('privacy.erase_participant')).toHaveLength(1);
    });
  });

  describe('erasing a respondent', () => {
    let responseId: string;
    let quoteIds: string[];
    let answerText: string;

    beforeAll(async () => {
      const map = (await owner.get(api('/map')).expect(200)).body as JourneyMapResponse;
      const quoted = map.findings.find((f) => f.lane === 'thoughts');
      if (!quoted) throw new Error('the map has no quoted thought to erase');
      const [owning] = await query<{ response_id: string }>(`SELECT response_id FROM quotes WHERE id = $1`, [quoted.key.split('quote:')[1]]);
      responseId = owning.response_id;
      quoteIds = (await query<{ id: string }>(`SELECT id FROM quotes WHERE response_id = $1`, [responseId])).map((q) => q.id);
      answerText = quoted.text;
      expect(map.findings.some((f) => f.quoteIds.some((id) => quoteIds.includes(id)))).toBe(true);
    });

    it('should empty the answers, replace the respondent key and delete the quotes', async () => {
      const summaryBefore = (await owner.get(api(`/surveys/${surveyId}/summary`)).expect(200)).body as { responses: number };
      const result = (await owner.post(api(`/surveys/${surveyId}/responses/${responseId}/erase`), {}).expect(200)).body as ErasureResponse;
      expect(result).toEqual({ utterances: 0, quotes: quoteIds.length, answers: 1 });
      const record = (await owner.get(api(`/surveys/${surveyId}/responses/${responseId}`)).expect(200)).body as ResponseRecord;
      expect(record.answers).toEqual({});
      expect(record.erasedAt).toEqual(expect.any(String));
      expect(record.respondentKey).toMatch(/^erased-/);
      expect((await query(`SELECT id FROM quotes WHERE id = ANY($1::uuid[])`, [quoteIds])).length).toBe(0);
      const summaryAfter = (await owner.get(api(`/surveys/${surveyId}/summary`)).expect(200)).body as { responses: number };
      expect(summaryAfter.responses).toBe(summaryBefore.responses - 1);
    });

    it('should re-assemble the map without the erased quotes or their text', async () => {
      const map = (await owner.get(api('/map')).expect(200)).body as JourneyMapResponse;
      expect(map.findings.length).toBeGreaterThan(0);
      expect(map.findings.flatMap((f) => f.quoteIds).filter((id) => quoteIds.includes(id))).toEqual([]);
      const stored = await query<{ present: boolean; assembled_text: string; quote_ids: string[] }>(`SELECT present, assembled_text, edited_text, quote_ids FROM journey_findings`);
      expect(JSON.stringify(stored)).not.toContain(answerText);
      // A finding left with no quote at all is hidden and keeps only the ids (its review and comments stay); its text is gone.
      const citing = stored.filter((f) => f.quote_ids.some((id) => quoteIds.includes(id)));
      expect(citing.map((f) => [f.present, f.assembled_text, f.quote_ids.length])).toEqual(citing.map(() => [false, '[удалено]', 1]));
    });

    it('should leave an audit row without the answers or the respondent key', async () => {
      const rows = await auditRows('privacy.erase_respondent');
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ actorEmail: owner.user?.email, details: { surveyId, responseId, quotes: quoteIds.length } });
      expect(JSON.stringify(rows[0])).not.toMatch(/respondent-key-/);
      expect(JSON.stringify(rows[0])).not.toContain(answerText);
    });

    it('should answer 200 with nothing left to erase the second time', async () => {
      const again = (await researcher.post(api(`/surveys/${surveyId}/responses/${responseId}/erase`), {}).expect(200)).body;
      expect(again).toEqual({ utterances: 0, quotes: 0, answers: 0 });
      expect(await auditRows('privacy.erase_respondent')).toHaveLength(1);
    });
  });

  describe('retention', () => {
    it.each([
      ['0', 0],
      ['99999', 99999],
      ['"abc"', 'abc'],
      ['1.5', 1.5],
    ])('should refuse retentionDays %s with 400 naming the field and change nothing', async (_, value) => {
      const response = await owner.patch(api(''), { retentionDays: value, name: 'Переименован' }).expect(400);
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain('retentionDays');
      const project = (await owner.get(api('')).expect(200)).body;
      expect(project).toMatchObject({ retentionDays: null });
      expect(project.name).not.toBe('Переименован');
    });

    it('should let only owners set it', async () => {
      await researcher.patch(api(''), { retentionDays: 30 }).expect(403);
    });

    it('should erase responses older than the period in projects that set one, and nothing else', async () => {
      expect((await owner.patch(api(''), { retentionDays: 30 }).expect(200)).body.retentionDays).toBe(30);
      const live = await query<{ id: string }>(`SELECT id FROM survey_responses WHERE survey_id = $1 AND erased_at IS NULL ORDER BY id`, [surveyId]);
      const old = live.slice(0, 3).map((r) => r.id);
      await query(`UPDATE survey_responses SET submitted_at = now() - interval '40 days' WHERE id = ANY($1::uuid[])`, [old]);
      await query(`UPDATE survey_responses SET submitted_at = now() - interval '29 days' WHERE id = $1`, [live[3].id]);
      await query(`UPDATE survey_responses SET submitted_at = now() - interval '400 days' WHERE survey_id = $1`, [otherSurveyId]);
      const oldQuotes = (await query<{ id: string }>(`SELECT id FROM quotes WHERE response_id = ANY($1::uuid[])`, [old])).map((q) => q.id);
      expect(oldQuotes.length).toBe(3);

      // Batches of two: the three old responses take two transactions and still make one audit row.
      const results = await testApp.app.get(RetentionService).sweep(2);
      expect(results).toEqual([{ projectId, retentionDays: 30, erased: 3 }]);

      const rows = await query<{ id: string; erased: boolean; answers: Record<string, unknown> }>(
        `SELECT id, erased_at IS NOT NULL AS erased, answers FROM survey_responses WHERE id = ANY($1::uuid[])`,
        [live.map((r) => r.id)],
      );
      for (const row of rows) {
        expect([row.id, row.erased]).toEqual([row.id, old.includes(row.id)]);
        if (old.includes(row.id)) expect(row.answers).toEqual({});
      }
      expect((await query(`SELECT id FROM quotes WHERE id = ANY($1::uuid[])`, [oldQuotes])).length).toBe(0);
      const other = await query<{ erased: boolean }>(`SELECT erased_at IS NOT NULL AS erased FROM survey_responses WHERE survey_id = $1`, [otherSurveyId]);
      expect(other).toEqual([{ erased: false }, { erased: false }]);
      const audit = await auditRows('privacy.retention');
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actorEmail: null, details: { responses: 3, retentionDays: 30 } });
      const map = (await owner.get(api('/map')).expect(200)).body as JourneyMapResponse;
      expect(map.findings.flatMap((f) => f.quoteIds).filter((id) => oldQuotes.includes(id))).toEqual([]);
    });

    it('should not start a sweep while another one holds the lock', async () => {
      const other = testApp.dataSource.createQueryRunner();
      await other.connect();
      try {
        await other.query(`SELECT pg_advisory_lock($1)`, [RETENTION_LOCK]);
        expect(await testApp.app.get(RetentionService).sweep()).toBeNull();
        await other.query(`SELECT pg_advisory_unlock($1)`, [RETENTION_LOCK]);
        expect(await testApp.app.get(RetentionService).sweep()).toEqual([]);
      } finally {
        await other.release();
      }
    });

    it('should find nothing more on a second run, and nothing once switched off', async () => {
      expect(await testApp.app.get(RetentionService).sweep()).toEqual([]);
      expect((await owner.patch(api(''), { retentionDays: null }).expect(200)).body.retentionDays).toBeNull();
      await query(`UPDATE survey_responses SET submitted_at = now() - interval '400 days' WHERE survey_id = $1`, [surveyId]);
      expect(await testApp.app.get(RetentionService).sweep()).toEqual([]);
      expect(await auditRows('privacy.retention')).toHaveLength(1);
    });
  });
});
