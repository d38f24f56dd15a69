import { Injectable } from '@nestjs/common';
import type { Page, PublicSurveyResponse, ResponseRecord, SurveySummaryResponse } from '@tropa/contracts';
import { DataSource } from 'typeorm';
import { isUniqueViolation } from '../../core/database/postgres-errors';
import { DomainErrorCode, DomainException } from '../../core/errors/domain.exception';
import { pageWindow, sqlOrder, toPage } from '../../core/http/page-query.dto';
import type { ResponseListQueryDto, SubmitAnswersDto } from './dto/surveys.dto';
import { PersonaEntity } from '../personas/persona.entity';
import { openAnswerArrays, openAnswers } from './open-answer-quotes';
import { personaMatcher } from './persona-assignment';
import { QuestionMappingEntity } from './question-mapping.entity';
import { SurveyResponseEntity } from './survey-response.entity';
import { PreparedSurveys } from './prepared-surveys';
import { SurveySummaryRepository } from './survey-summary.repository';
import { toResponseRecord } from './survey.mapper';
import { SurveyEntity } from './survey.entity';
import { requireDefinition, SurveysService } from './surveys.service';
import { compactAnswers, validateAnswers } from './validate-answers';

@Injectable()
export class ResponsesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly surveys: SurveysService,
    private readonly summaries: SurveySummaryRepository,
    private readonly prepared: PreparedSurveys,
  ) {}

  private async findOpen(token: string): Promise<SurveyEntity> {
    const survey = /^[\w-]{1,64}$/.test(token) ? await this.dataSource.getRepository(SurveyEntity).findOneBy({ publicToken: token }) : null;
    if (!survey || survey.status === 'draft') throw DomainException.notFound('Survey');
    return survey;
  }

  /** What the respondent's page needs, and nothing of the project. */
  async publicSurvey(token: string): Promise<PublicSurveyResponse> {
    const survey = await this.findOpen(token);
    return { title: survey.title, description: survey.description, language: survey.language, status: survey.status, definition: survey.definition };
  }

  async submit(token: string, dto: SubmitAnswersDto): Promise<void> {
    const survey = await this.findOpen(token);
    if (survey.status === 'closed') throw new DomainException(DomainErrorCode.Gone, 'This survey is closed and no longer accepts answers');
    const { questions, conditional, mappings } = await this.prepared.get(survey);
    const problems = validateAnswers(survey.definition, questions, dto.answers, conditional);
    if (problems.length) throw new DomainException(DomainErrorCode.Invalid, `Invalid answers: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`, problems);
    const answers = compactAnswers(dto.answers);
    const quotes = openAnswerArrays([{ respondentKey: dto.respondentKey, answers: openAnswers(answers, questions, mappings) }]);
    const personaId = [...mappings.values()].some((mapping) => mapping.personaAttribute)
      ? personaMatcher(await this.dataSource.getRepository(PersonaEntity).findBy({ projectId: survey.projectId }), mappings, questions)(answers)
      : null;
    // One statement, so one round trip and atomic: the response and the quotes of its open answers.
    await this.dataSource
      .query(
        `WITH response AS (
           INSERT INTO survey_responses (survey_id, project_id, respondent_key, source, answers, completed, submitted_at, persona_id)
           VALUES ($1, $2, $3, 'link', $4, true, now(), $10)
           RETURNING id
         )
         INSERT INTO quotes (project_id, source_type, survey_id, response_id, question_name, start_offset, end_offset, text, stage_id, touchpoint_id, participant_key)
         SELECT $2, 'survey_answer', $1, response.id, q.question_name, 0, q.end_offset, q.text, q.stage_id, q.touchpoint_id, $3
           FROM response CROSS JOIN unnest($5::text[], $6::int[], $7::text[], $8::uuid[], $9::uuid[]) AS q(question_name, end_offset, text, stage_id, touchpoint_id)`,
        [survey.id, survey.projectId, dto.respondentKey, JSON.stringify(answers), quotes.questionNames, quotes.endOffsets, quotes.texts, quotes.stageIds, quotes.touchpointIds, personaId],
      )
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw DomainException.conflict('respondentKey', 'These answers have already been submitted from this browser');
        throw error;
      });
  }

  async list(projectId: string, surveyId: string, query: ResponseListQueryDto): Promise<Page<ResponseRecord>> {
    await this.surveys.find(this.dataSource.manager, projectId, surveyId);
    const window = pageWindow(query);
    const builder = this.dataSource
      .getRepository(SurveyResponseEntity)
      .createQueryBuilder('response')
      .where('response.survey_id = :surveyId', { surveyId })
      .orderBy('response.submittedAt', sqlOrder(query.order, 'desc'))
      .addOrderBy('response.id', 'ASC')
      .skip(window.skip)
      .take(window.pageSize);
    if (query.from) builder.andWhere('response.submitted_at >= :from', { from: query.from });
    if (query.to) builder.andWhere('response.submitted_at <= :to', { to: query.to });
    if (query.completed !== undefined) builder.andWhere('response.completed = :completed', { completed: query.completed });
    if (query.personaId) builder.andWhere('response.persona_id = :personaId', { personaId: query.personaId });
    if (query.question !== undefined && query.value !== undefined) {
      // Containment keeps the GIN index usable: a text answer, a number, or a list containing the value.
      const candidates: unknown[] = [query.value, [query.value]];
      if (query.value !== '' && !Number.isNaN(Number(query.value))) candidates.push(Number(query.value));
      if (query.value === 'true' || query.value === 'false') candidates.push(query.value === 'true');
      builder.andWhere(
        `(${candidates.map((_, index) => `response.answers @> :answer${index}::jsonb`).join(' OR ')})`,
        Object.fromEntries(candidates.map((candidate, index) => [`answer${index}`, JSON.stringify({ [query.question as string]: candidate })])),
      );
    } else if (query.question !== undefined || query.value !== undefined) {
      throw DomainException.invalid(query.question === undefined ? 'question' : 'value', 'question and value filter together');
    }
    return toPage(await builder.getManyAndCount(), window, toResponseRecord);
  }

  async get(projectId: string, surveyId: string, responseId: string): Promise<ResponseRecord> {
    const row = await this.dataSource.getRepository(SurveyResponseEntity).findOneBy({ id: responseId, surveyId, projectId });
    if (!row) throw DomainException.notFound('Response');
    return toResponseRecord(row);
  }

  /** Deletes the response and the quotes made from it. */
  async remove(projectId: string, surveyId: string, responseId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const result = await manager.delete(SurveyResponseEntity, { id: responseId, surveyId, projectId });
      if (!result.affected) throw DomainException.notFound('Response');
    });
  }

  async summary(projectId: string, surveyId: string): Promise<SurveySummaryResponse> {
    const survey = await this.surveys.find(this.dataSource.manager, projectId, surveyId);
    const mappings = await this.dataSource.getRepository(QuestionMappingEntity).find({ where: { surveyId } });
    return this.summaries.summarise(surveyId, requireDefinition(survey.definition).questions, new Map(mappings.map((m) => [m.questionName, m])));
  }
}
