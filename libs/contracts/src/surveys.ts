import type { JobResponse, PageQuery } from './common';
import type { ProjectLanguage } from './projects';

export type SurveyStatus = 'draft' | 'open' | 'closed';
export const SURVEY_STATUSES: readonly SurveyStatus[] = ['draft', 'open', 'closed'];

/** What a question measures on the journey map. */
export type QuestionMetric = 'csat' | 'ces' | 'nps' | 'emotion' | 'kpi_l' | 'kpi_c' | 'kpi_p' | 'kpi_q';
export const QUESTION_METRICS: readonly QuestionMetric[] = ['csat', 'ces', 'nps', 'emotion', 'kpi_l', 'kpi_c', 'kpi_p', 'kpi_q'];

/** The SurveyJS question types the builder offers and the server validates answers for. */
export type SurveyQuestionType = 'text' | 'comment' | 'radiogroup' | 'checkbox' | 'dropdown' | 'rating' | 'boolean' | 'matrix';
export const SURVEY_QUESTION_TYPES: readonly SurveyQuestionType[] = ['text', 'comment', 'radiogroup', 'checkbox', 'dropdown', 'rating', 'boolean', 'matrix'];

/** A SurveyJS survey definition (the de-facto open JSON format). */
export type SurveyDefinition = Record<string, unknown>;

export interface QuestionMapping {
  questionName: string;
  stageId: string | null;
  touchpointId: string | null;
  /** The persona attribute this question fills, e.g. "age". */
  personaAttribute: string | null;
  metric: QuestionMetric | null;
  /** An open question that asks what the respondent was trying to get done. */
  jtbdPrompt: boolean;
}

/** A question as the server reads it from the definition. */
export interface SurveyQuestionInfo {
  name: string;
  title: string;
  type: SurveyQuestionType;
  required: boolean;
  choices: Array<{ value: string; text: string }>;
  rateMin: number | null;
  rateMax: number | null;
  rows: Array<{ value: string; text: string }>;
  page: number;
}

export interface SurveyResponse {
  id: string;
  title: string;
  description: string;
  language: ProjectLanguage;
  status: SurveyStatus;
  definition: SurveyDefinition;
  questions: SurveyQuestionInfo[];
  mappings: QuestionMapping[];
  /** The secret part of the public link (`/s/<token>`); null until first opened. */
  publicToken: string | null;
  responseCount: number;
  createdAt: string;
  updatedAt: string;
}

export type SurveyListItem = Omit<SurveyResponse, 'definition' | 'questions' | 'mappings'>;

export interface CreateSurveyRequest {
  title: string;
  description?: string;
  language?: ProjectLanguage;
  definition?: SurveyDefinition;
}

export interface UpdateSurveyRequest {
  title?: string;
  description?: string;
  language?: ProjectLanguage;
  definition?: SurveyDefinition;
  status?: SurveyStatus;
}

export interface UpdateMappingsRequest {
  mappings: QuestionMapping[];
}

export type SurveySort = 'title' | 'createdAt' | 'updatedAt';
export interface SurveyListQuery extends PageQuery<SurveySort> {
  q?: string;
  status?: SurveyStatus;
}

// --- Respondents ------------------------------------------------------------

/** What a respondent's page receives: the survey and nothing of its project. */
export interface PublicSurveyResponse {
  title: string;
  description: string;
  language: ProjectLanguage;
  status: SurveyStatus;
  definition: SurveyDefinition;
}

export type AnswerValue = string | number | boolean | string[] | Record<string, string>;

export interface SubmitAnswersRequest {
  /** Random per browser session; one submission per key. */
  respondentKey: string;
  answers: Record<string, AnswerValue>;
}

// --- Stored responses -------------------------------------------------------

export type ResponseSource = 'link' | 'import';

export interface ResponseRecord {
  id: string;
  respondentKey: string;
  source: ResponseSource;
  answers: Record<string, AnswerValue>;
  completed: boolean;
  personaId: string | null;
  submittedAt: string;
  /** When the respondent was erased (answers and quotes gone; not counted in summaries). */
  erasedAt?: string | null;
}

export type ResponseSort = 'submittedAt';
export interface ResponseListQuery extends PageQuery<ResponseSort> {
  from?: string;
  to?: string;
  completed?: boolean;
  /** With `value`: only responses whose answer to this question equals (or, for lists, contains) it. */
  question?: string;
  value?: string;
  /** Responses assigned to this persona (from a question mapped to a persona attribute). */
  personaId?: string;
}

export interface ChoiceCount {
  value: string;
  text: string;
  count: number;
}

export interface QuestionSummary {
  name: string;
  title: string;
  type: SurveyQuestionType;
  answered: number;
  /** Choice, boolean and rating questions: counts per value, in the definition's order. */
  counts: ChoiceCount[];
  /** Rating questions. */
  mean: number | null;
  /** NPS-mapped questions (0–10): promoters 9–10, passives 7–8, detractors 0–6. */
  nps: { score: number; promoters: number; passives: number; detractors: number } | null;
  /** Matrix questions: counts per row and column. */
  matrix: Array<{ row: string; counts: ChoiceCount[] }> | null;
  /** Open (text, comment) questions: the latest non-empty answers, newest first (at most SUMMARY_LATEST_ANSWERS). */
  latest: string[] | null;
}

export const SUMMARY_LATEST_ANSWERS = 5;

export interface SurveySummaryResponse {
  responses: number;
  completed: number;
  questions: QuestionSummary[];
}

// --- Imports of responses from other tools' CSV / XLSX exports ---------------

export type ImportSource = 'google_forms' | 'surveymonkey' | 'typeform' | 'qualtrics' | 'generic';
export type ImportStatus = 'uploaded' | 'validating' | 'validated' | 'importing' | 'completed' | 'failed';

export interface ImportColumn {
  index: number;
  title: string;
  /** A few values from the first rows, for the mapping screen. */
  samples: string[];
}

/** Where one file column goes. `choice`: the option (checkbox, one column per option) or the row (matrix). */
export interface ImportColumnTarget {
  column: number;
  question: string;
  choice?: string;
}

export interface ImportRowProblem {
  /** 1-based line of the file. */
  row: number;
  column: string | null;
  reason: string;
}

export interface ImportReport {
  dryRun: boolean;
  rows: number;
  valid: number;
  imported: number;
  /** The first problems found (at most 1,000); `problemCount` counts them all. */
  problems: ImportRowProblem[];
  problemCount: number;
}

export interface SurveyImportResponse {
  id: string;
  fileName: string;
  fileSize: number;
  source: ImportSource;
  status: ImportStatus;
  columns: ImportColumn[];
  suggestedMapping: ImportColumnTarget[];
  respondentColumn: number | null;
  submittedAtColumn: number | null;
  /** An earlier completed import of the very same file into this survey. */
  duplicateOf: string | null;
  report: ImportReport | null;
  jobId: string | null;
  createdAt: string;
}

export interface RunImportRequest {
  mapping: ImportColumnTarget[];
  respondentColumn?: number | null;
  submittedAtColumn?: number | null;
  /** Check every row and report problems without writing anything. */
  dryRun: boolean;
  /** Import even though the same file was imported before. */
  allowDuplicate?: boolean;
}

export interface RunImportResponse {
  import: SurveyImportResponse;
  job: JobResponse;
}
