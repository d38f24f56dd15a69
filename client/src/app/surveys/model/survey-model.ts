import type { Locale, SurveyDefinition } from '@tropa/contracts';
import { Model } from 'survey-core';

/** A SurveyJS model of the definition, speaking the survey's language. */
export function surveyModel(definition: SurveyDefinition, locale: Locale): Model {
  const model = new Model(definition);
  model.locale = locale;
  return model;
}
