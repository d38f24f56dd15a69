import { Injectable } from '@nestjs/common';
import type { Page, PublicSurveyResponse, ResponseRecord, SurveySummaryResponse } from '@tropa/contracts';
import { DataSource } from 'typeorm';
import { isUniqueViolation } from '../../core/database/postgres-errors';
import { DomainErrorCode, DomainException } from '../../core/errors/domain.exception';
import { pageWindow, sqlOrder, toPage } from '../../core/http/page-query.dto';
import { QuoteEntity } from '../quotes/quote.entity';
import type { ResponseListQueryDto, SubmitAnswersDto } from './dto/surveys.dto';
import { openAnswerQuotes } from './open-answer-quotes';
import { QuestionMappingEntity } from './question-mapping.entity';
import { SurveyResponseEntity } from './survey-response.entity';
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
  ) {}

  private async findOpen(token: string): Promise<SurveyEntity> {
    const survey = token.length <= 64 ? await this.dataSource.getRepository(SurveyEntity).findOneBy({ publicToken: token }) : null;
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
    const { questions } = requireDefinition(survey.definition);
    const problems = validateAnswers(survey.definition, questions, dto.answers);
    if (problems.length) throw new DomainException(DomainErrorCode.Invalid, `Invalid answers: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`, problems);
    const answers = compactAnswers(dto.answers);
    await this.dataSource
      .transaction(async (manager) => {
        const response = await manager.save(
          manager.create(SurveyResponseEntity, {
            surveyId: survey.id,
            projectId: survey.projectId,
            respondentKey: dto.respondentKey,
            source: 'link',
            answers,
            completed: true,
            submittedAt: new Date(),
          }),
        );
        const mappings = await manager.find(QuestionMappingEntity, { where: { surveyId: survey.id } });
        const quotes = openAnswerQuotes(response, questions, new Map(mappings.map((mapping) => [mapping.questionName, mapping])));
        if (quotes.length) await manager.insert(QuoteEntity, quotes);
        await manager.increment(SurveyEntity, { id: survey.id }, 'responseCount', 1);
      })
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
      await manager.decrement(SurveyEntity, { id: surveyId }, 'responseCount', 1);
    });
  }

  async summary(projectId: string, surveyId: string): Promise<SurveySummaryResponse> {
    const survey = await this.surveys.find(this.dataSource.manager, projectId, surveyId);
    const mappings = await this.dataSource.getRepository(QuestionMappingEntity).find({ where: { surveyId } });
    return this.summaries.summarise(surveyId, requireDefinition(survey.definition).questions, new Map(mappings.map((m) => [m.questionName, m])));
  }
}
