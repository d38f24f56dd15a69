import type {
  AuditAction,
  ChannelKind,
  ImportSource,
  Locale,
  PersonalDataKind,
  ProjectRole,
  QuestionMetric,
  ResponseSource,
  SessionKind,
  StageTemplate,
  SurveyQuestionType,
  SurveyStatus,
} from '@tropa/contracts';
import type { MessageKey } from './messages.en';

/** Dictionary keys of the API's enums, typed so a new enum value without a translation fails the build. */
export const labelKeys = {
  role: (role: ProjectRole): MessageKey => `role.${role}`,
  channel: (channel: ChannelKind): MessageKey => `channel.${channel}`,
  language: (language: Locale): MessageKey => `language.${language}`,
  template: (template: StageTemplate): MessageKey => `template.${template}`,
  audit: (action: AuditAction): MessageKey => `audit.action.${action}`,
  surveyStatus: (status: SurveyStatus): MessageKey => `surveyStatus.${status}`,
  /** The builder's kinds: the API's question types plus `nps` (a 0–10 rating). */
  questionType: (type: SurveyQuestionType | 'nps'): MessageKey => `questionType.${type}`,
  metric: (metric: QuestionMetric): MessageKey => `metric.${metric}`,
  responseSource: (source: ResponseSource): MessageKey => `responseSource.${source}`,
  importSource: (source: ImportSource): MessageKey => `importSource.${source}`,
  sessionKind: (kind: SessionKind): MessageKey => `sessionKind.${kind}`,
  personalDataKind: (kind: PersonalDataKind): MessageKey => `personalDataKind.${kind}`,
} as const;
