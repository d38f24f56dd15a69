import type {
  ApiError,
  JobResponse,
  Page,
  ProjectResponse,
  QuestionSummary,
  ResponseRecord,
  StageResponse,
  SurveyImportResponse,
  SurveyQuestionInfo,
  SurveyResponse,
  UserResponse,
} from '@tropa/contracts';

/** Small builders of API responses for client unit tests. */
export function aUser(overrides: Partial<UserResponse> = {}): UserResponse {
  return {
    id: 'user-1',
    email: 'anna@example.com',
    displayName: 'Anna',
    locale: 'en',
    canCreateProjects: true,
    ...overrides,
  };
}

export function aProject(overrides: Partial<ProjectResponse> = {}): ProjectResponse {
  return {
    id: 'project-1',
    name: 'Coffee shop',
    description: '',
    language: 'en',
    stageTemplate: 'seven',
    myRole: 'owner',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-02T00:00:00.000Z',
    ...overrides,
  };
}

export function someStages(names: string[]): StageResponse[] {
  return names.map((name, position) => ({ id: `stage-${position + 1}`, name, description: '', position }));
}

export function aPage<T>(items: T[], overrides: Partial<Page<T>> = {}): Page<T> {
  return { items, total: items.length, page: 1, pageSize: 25, ...overrides };
}

export function anApiError(overrides: Partial<ApiError> = {}): ApiError {
  return { statusCode: 400, error: 'Bad Request', message: 'Validation failed', ...overrides };
}

export function aQuestion(overrides: Partial<SurveyQuestionInfo> = {}): SurveyQuestionInfo {
  return {
    name: 'q1',
    title: 'Question 1',
    type: 'text',
    required: false,
    choices: [],
    rateMin: null,
    rateMax: null,
    rows: [],
    page: 0,
    ...overrides,
  };
}

export function aSurvey(overrides: Partial<SurveyResponse> = {}): SurveyResponse {
  return {
    id: 'survey-1',
    title: 'Morning coffee',
    description: '',
    language: 'en',
    status: 'draft',
    definition: { pages: [{ name: 'page1', elements: [] }] },
    questions: [],
    mappings: [],
    publicToken: null,
    responseCount: 0,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-02T00:00:00.000Z',
    ...overrides,
  };
}

export function aResponseRecord(overrides: Partial<ResponseRecord> = {}): ResponseRecord {
  return {
    id: 'response-1',
    respondentKey: 'key-12345678',
    source: 'link',
    answers: {},
    completed: true,
    personaId: null,
    submittedAt: '2026-01-03T09:00:00.000Z',
    ...overrides,
  };
}

export function aQuestionSummary(overrides: Partial<QuestionSummary> = {}): QuestionSummary {
  return { name: 'q1', title: 'Question 1', type: 'radiogroup', answered: 0, counts: [], mean: null, nps: null, matrix: null, ...overrides };
}

export function anImport(overrides: Partial<SurveyImportResponse> = {}): SurveyImportResponse {
  return {
    id: 'import-1',
    fileName: 'answers.csv',
    fileSize: 1234,
    source: 'google_forms',
    status: 'uploaded',
    columns: [
      { index: 0, title: 'Timestamp', samples: ['2026-01-01 10:00'] },
      { index: 1, title: 'How did you hear about us?', samples: ['Instagram'] },
      { index: 2, title: 'Channels [Website]', samples: ['Website'] },
    ],
    suggestedMapping: [
      { column: 1, question: 'heard' },
      { column: 2, question: 'channels', choice: 'Website' },
    ],
    respondentColumn: null,
    submittedAtColumn: 0,
    duplicateOf: null,
    report: null,
    jobId: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function aJob(overrides: Partial<JobResponse> = {}): JobResponse {
  return {
    id: 'job-1',
    kind: 'survey_import',
    status: 'queued',
    phase: 'queued',
    progress: 0,
    result: null,
    error: null,
    attempts: 0,
    createdAt: '2026-01-01T00:00:00.000Z',
    startedAt: null,
    finishedAt: null,
    ...overrides,
  };
}
