import { Injectable } from '@nestjs/common';
import type { Page, QuestionMapping, SurveyListItem, SurveyResponse, SurveySort } from '@tropa/contracts';
import { randomBytes } from 'node:crypto';
import { DataSource, type EntityManager, In } from 'typeorm';
import { DomainErrorCode, DomainException } from '../../core/errors/domain.exception';
import { likePattern, pageWindow, sqlOrder } from '../../core/http/page-query.dto';
import { ProjectEntity } from '../projects/project.entity';
import { QuoteEntity } from '../quotes/quote.entity';
import { StageEntity } from '../stages/stage.entity';
import { TouchpointEntity } from '../touchpoints/touchpoint.entity';
import type { UserEntity } from '../users/user.entity';
import type { CreateSurveyDto, SurveyListQueryDto, UpdateMappingsDto, UpdateSurveyDto } from './dto/surveys.dto';
import { QuestionMappingEntity } from './question-mapping.entity';
import { EMPTY_DEFINITION, readDefinition, type ReadDefinition } from './survey-definition';
import { toSurveyListItem, toSurveyResponse } from './survey.mapper';
import { SurveyResponseEntity } from './survey-response.entity';
import { SurveyEntity } from './survey.entity';

const SORT_COLUMNS: Record<SurveySort, string> = { title: 'survey.title', createdAt: 'survey.createdAt', updatedAt: 'survey.updatedAt' };

/** A definition that passed validation, or a 400 listing every problem with its JSON path. */
export function requireDefinition(definition: unknown): ReadDefinition {
  const { result, problems } = readDefinition(definition);
  if (!result) {
    throw new DomainException(DomainErrorCode.Invalid, `Invalid survey definition: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`, problems);
  }
  return result;
}

@Injectable()
export class SurveysService {
  constructor(private readonly dataSource: DataSource) {}

  async list(projectId: string, query: SurveyListQueryDto): Promise<Page<SurveyListItem>> {
    const window = pageWindow(query);
    const builder = this.dataSource
      .getRepository(SurveyEntity)
      .createQueryBuilder('survey')
      .where('survey.project_id = :projectId', { projectId })
      .orderBy(SORT_COLUMNS[query.sort ?? 'updatedAt'], sqlOrder(query.order, query.sort ? 'asc' : 'desc'))
      .addOrderBy('survey.id', 'ASC')
      .skip(window.skip)
      .take(window.pageSize);
    if (query.q) builder.andWhere('survey.title ILIKE :q', { q: likePattern(query.q) });
    if (query.status) builder.andWhere('survey.status = :status', { status: query.status });
    const [rows, total] = await builder.getManyAndCount();
    const counts = await this.responseCounts(rows.map((row) => row.id));
    return { items: rows.map((row) => toSurveyListItem(row, counts.get(row.id) ?? 0)), total, page: window.page, pageSize: window.pageSize };
  }

  async create(projectId: string, dto: CreateSurveyDto, user: UserEntity): Promise<SurveyResponse> {
    const definition = dto.definition ?? EMPTY_DEFINITION;
    const { questions } = requireDefinition(definition);
    const project = await this.dataSource.getRepository(ProjectEntity).findOneByOrFail({ id: projectId });
    const repository = this.dataSource.getRepository(SurveyEntity);
    const saved = await repository.save(
      repository.create({
        projectId,
        title: dto.title,
        description: dto.description ?? '',
        language: dto.language ?? project.language,
        definition,
        status: 'draft',
        publicToken: null,
        createdBy: user.id,
      }),
    );
    return toSurveyResponse(saved, 0, questions, []);
  }

  async get(projectId: string, surveyId: string): Promise<SurveyResponse> {
    const survey = await this.find(this.dataSource.manager, projectId, surveyId);
    const mappings = await this.dataSource.getRepository(QuestionMappingEntity).find({ where: { surveyId }, order: { questionName: 'ASC' } });
    const counts = await this.responseCounts([surveyId]);
    return toSurveyResponse(survey, counts.get(surveyId) ?? 0, requireDefinition(survey.definition).questions, mappings);
  }

  async update(projectId: string, surveyId: string, dto: UpdateSurveyDto): Promise<SurveyResponse> {
    const parsed = dto.definition !== undefined ? requireDefinition(dto.definition) : null;
    await this.dataSource.transaction(async (manager) => {
      const survey = await this.find(manager, projectId, surveyId, true);
      if (dto.title !== undefined) survey.title = dto.title;
      if (dto.description !== undefined) survey.description = dto.description;
      if (dto.language !== undefined) survey.language = dto.language;
      if (dto.definition !== undefined && parsed) {
        survey.definition = dto.definition;
        // Mappings of questions that no longer exist go with them.
        const names = parsed.questions.map((question) => question.name);
        const stale = manager.createQueryBuilder().delete().from(QuestionMappingEntity).where('survey_id = :surveyId', { surveyId });
        if (names.length) stale.andWhere('question_name NOT IN (:...names)', { names });
        await stale.execute();
      }
      if (dto.status !== undefined && dto.status !== survey.status) {
        if (dto.status === 'draft' && (await manager.exists(SurveyResponseEntity, { where: { surveyId } }))) {
          throw DomainException.invalid('status', 'A survey with responses cannot go back to draft: close it instead');
        }
        survey.status = dto.status;
        if (dto.status === 'open' && !survey.publicToken) survey.publicToken = randomBytes(24).toString('base64url');
      }
      await manager.save(survey);
    });
    return this.get(projectId, surveyId);
  }

  async remove(projectId: string, surveyId: string): Promise<void> {
    const result = await this.dataSource.getRepository(SurveyEntity).delete({ id: surveyId, projectId });
    if (!result.affected) throw DomainException.notFound('Survey');
  }

  /** Replaces the survey's question mappings; quotes of mapped open questions follow the new stage and touchpoint. */
  async updateMappings(projectId: string, surveyId: string, dto: UpdateMappingsDto): Promise<SurveyResponse> {
    await this.dataSource.transaction(async (manager) => {
      const survey = await this.find(manager, projectId, surveyId, true);
      const questions = new Set(requireDefinition(survey.definition).questions.map((question) => question.name));
      await this.assertMappingTargets(manager, projectId, dto.mappings, questions);
      await manager.delete(QuestionMappingEntity, { surveyId });
      await manager.update(SurveyEntity, { id: surveyId }, { updatedAt: new Date() });
      const rows = dto.mappings.filter((mapping) => mapping.stageId || mapping.touchpointId || mapping.personaAttribute || mapping.metric || mapping.jtbdPrompt);
      if (rows.length) await manager.insert(QuestionMappingEntity, rows.map((mapping) => ({ ...mapping, surveyId })));
      await manager.query(
        `UPDATE quotes q
            SET stage_id = m.stage_id, touchpoint_id = m.touchpoint_id
           FROM (SELECT DISTINCT question_name FROM quotes WHERE survey_id = $1) questions
           LEFT JOIN survey_question_mappings m ON m.survey_id = $1 AND m.question_name = questions.question_name
          WHERE q.survey_id = $1 AND q.question_name = questions.question_name`,
        [surveyId],
      );
    });
    return this.get(projectId, surveyId);
  }

  private async assertMappingTargets(manager: EntityManager, projectId: string, mappings: QuestionMapping[], questions: Set<string>): Promise<void> {
    const seen = new Set<string>();
    mappings.forEach((mapping, index) => {
      if (!questions.has(mapping.questionName)) throw DomainException.invalid(`mappings[${index}].questionName`, `"${mapping.questionName}" is not a question of this survey`);
      if (seen.has(mapping.questionName)) throw DomainException.invalid(`mappings[${index}].questionName`, `"${mapping.questionName}" is mapped twice`);
      seen.add(mapping.questionName);
    });
    const stageIds = [...new Set(mappings.map((mapping) => mapping.stageId).filter((id): id is string => id !== null))];
    const touchpointIds = [...new Set(mappings.map((mapping) => mapping.touchpointId).filter((id): id is string => id !== null))];
    if (stageIds.length && (await manager.countBy(StageEntity, { projectId, id: In(stageIds) })) !== stageIds.length) {
      throw DomainException.invalid('mappings.stageId', 'stageId must be a stage of this project');
    }
    if (touchpointIds.length && (await manager.countBy(TouchpointEntity, { projectId, id: In(touchpointIds) })) !== touchpointIds.length) {
      throw DomainException.invalid('mappings.touchpointId', 'touchpointId must be a touchpoint of this project');
    }
  }

  /** Counted, not stored: a counter row would serialise every concurrent submission on one lock. */
  private async responseCounts(surveyIds: string[]): Promise<Map<string, number>> {
    if (!surveyIds.length) return new Map();
    const rows = await this.dataSource.query<Array<{ survey_id: string; n: string }>>(
      'SELECT survey_id, count(*) AS n FROM survey_responses WHERE survey_id = ANY($1) GROUP BY survey_id',
      [surveyIds],
    );
    return new Map(rows.map((row) => [row.survey_id, Number(row.n)]));
  }

  async find(manager: EntityManager, projectId: string, surveyId: string, lock = false): Promise<SurveyEntity> {
    const survey = await manager.findOne(SurveyEntity, { where: { id: surveyId, projectId }, lock: lock ? { mode: 'pessimistic_write' } : undefined });
    if (!survey) throw DomainException.notFound('Survey');
    return survey;
  }

  /** Quotes made from this survey's open answers (for tests and the evidence drawer). */
  countQuotes(surveyId: string): Promise<number> {
    return this.dataSource.getRepository(QuoteEntity).countBy({ surveyId });
  }
}
