import { Injectable } from '@nestjs/common';
import type { SurveyQuestionInfo } from '@tropa/contracts';
import { DataSource } from 'typeorm';
import { QuestionMappingEntity } from './question-mapping.entity';
import type { SurveyEntity } from './survey.entity';
import { requireDefinition } from './surveys.service';

export interface PreparedSurvey {
  questions: SurveyQuestionInfo[];
  /** The definition has visibility conditions, so "required" depends on the answers. */
  conditional: boolean;
  mappings: Map<string, QuestionMappingEntity>;
}

const MAX_ENTRIES = 200;

/**
 * What submissions need from a survey (its parsed questions and mappings), kept per
 * process and keyed by the survey's `updated_at`, which changes with the definition
 * and the mappings. Parsing a SurveyJS definition costs milliseconds; a busy public
 * link should not pay it on every answer.
 */
@Injectable()
export class PreparedSurveys {
  private readonly cache = new Map<string, { version: number; prepared: PreparedSurvey }>();

  constructor(private readonly dataSource: DataSource) {}

  async get(survey: SurveyEntity): Promise<PreparedSurvey> {
    const version = survey.updatedAt.getTime();
    const cached = this.cache.get(survey.id);
    if (cached && cached.version === version) return cached.prepared;
    const mappings = await this.dataSource.getRepository(QuestionMappingEntity).find({ where: { surveyId: survey.id } });
    const prepared: PreparedSurvey = {
      questions: requireDefinition(survey.definition).questions,
      conditional: /"(visibleIf|enableIf|requiredIf)"/.test(JSON.stringify(survey.definition)),
      mappings: new Map(mappings.map((mapping) => [mapping.questionName, mapping])),
    };
    this.cache.delete(survey.id);
    this.cache.set(survey.id, { version, prepared });
    if (this.cache.size > MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
    return prepared;
  }
}
