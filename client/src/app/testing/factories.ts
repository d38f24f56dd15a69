import type {
  ApiError,
  ParticipantResponse,
  SessionResponse,
  TranscriptPreviewResponse,
  UtteranceResponse,
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
  TagResponse,
  QuoteResponse,
  ClusterQuote,
  ClusterResponse,
  ProjectJobResponse,
  SynthesisRunResponse,
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
    retentionDays: null,
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
  return { name: 'q1', title: 'Question 1', type: 'radiogroup', answered: 0, counts: [], mean: null, nps: null, matrix: null, latest: null, ...overrides };
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

export function aSession(overrides: Partial<SessionResponse> = {}): SessionResponse {
  return {
    id: 'session-1',
    kind: 'focus_group',
    title: 'Morning commuters',
    heldOn: '2026-03-02',
    moderatorId: null,
    notes: '',
    blindCoding: false,
    participantCount: 0,
    utteranceCount: 0,
    createdAt: '2026-03-01T00:00:00.000Z',
    updatedAt: '2026-03-01T00:00:00.000Z',
    ...overrides,
  };
}

export function aParticipant(overrides: Partial<ParticipantResponse> = {}): ParticipantResponse {
  return { id: 'participant-1', pseudonym: 'P1', personaId: null, consent: true, contact: null, ...overrides };
}

/** Two speakers; the first utterance holds an e-mail and a phone number. */
export function aTranscriptPreview(overrides: Partial<TranscriptPreviewResponse> = {}): TranscriptPreviewResponse {
  const first = 'Пишите на anna@example.com или звоните +7 912 345-67-89';
  return {
    format: 'vtt',
    speakers: [
      { name: 'Анна Петрова', utteranceCount: 1, wordCount: 7 },
      { name: 'Модератор', utteranceCount: 1, wordCount: 3 },
    ],
    utterances: [
      { index: 0, speaker: 'Анна Петрова', startMs: 1000, endMs: 5000, text: first },
      { index: 1, speaker: 'Модератор', startMs: 6000, endMs: 8000, text: 'Спасибо, Анна!' },
    ],
    personalData: [
      { utterance: 0, kind: 'email', start: 10, end: 26, text: 'anna@example.com' },
      { utterance: 0, kind: 'phone', start: 39, end: 55, text: '+7 912 345-67-89' },
    ],
    warnings: [],
    ...overrides,
  };
}

export function anUtterance(position: number, overrides: Partial<UtteranceResponse> = {}): UtteranceResponse {
  return {
    id: `utterance-${position}`,
    position,
    speaker: 'P1',
    participantId: 'participant-1',
    moderator: false,
    startMs: position * 1000,
    endMs: position * 1000 + 900,
    text: `Line ${position}`,
    ...overrides,
  };
}

export function aTag(overrides: Partial<TagResponse> = {}): TagResponse {
  return {
    id: 'tag-1',
    parentId: null,
    kind: 'pain',
    name: 'Queue',
    color: '#dc2626',
    description: '',
    shortcut: null,
    stageId: null,
    valence: null,
    usage: 0,
    ...overrides,
  };
}

export function aQuote(overrides: Partial<QuoteResponse> = {}): QuoteResponse {
  return {
    id: 'quote-1',
    sourceType: 'transcript',
    text: 'The queue at the counter was too long',
    sessionId: 'session-1',
    utteranceId: 'utterance-3',
    surveyId: null,
    responseId: null,
    questionName: null,
    sourceTitle: 'Morning commuters',
    speaker: 'P1',
    start: 0,
    end: 37,
    participantKey: 'participant-1',
    stageId: null,
    sentiment: null,
    tags: [],
    createdAt: '2026-03-02T10:00:00.000Z',
    ...overrides,
  };
}

export function aSynthesisRun(overrides: Partial<SynthesisRunResponse> = {}): SynthesisRunResponse {
  return {
    id: 'run-1',
    status: 'queued',
    phase: 'queued',
    progress: 0,
    params: {},
    engineVersion: null,
    counts: null,
    changes: null,
    error: null,
    attempts: 0,
    startedBy: 'user-1',
    createdAt: '2026-04-01T10:00:00.000Z',
    startedAt: null,
    finishedAt: null,
    ...overrides,
  };
}

/** A finished run with figures. */
export function aFinishedRun(overrides: Partial<SynthesisRunResponse> = {}): SynthesisRunResponse {
  return aSynthesisRun({
    status: 'succeeded',
    phase: 'done',
    progress: 1,
    engineVersion: '1.0.0',
    counts: { quotes: 40, clusters: 7, jobs: 3, themes: 2, touchpoints: 2, unclustered: 4, silent: 1, missing: 1 },
    startedAt: '2026-04-01T10:00:01.000Z',
    finishedAt: '2026-04-01T10:00:30.000Z',
    ...overrides,
  });
}

export function aClusterQuote(overrides: Partial<ClusterQuote> = {}): ClusterQuote {
  return {
    quoteId: 'quote-1',
    text: 'I order ahead so I never queue',
    score: 0.82,
    representative: true,
    sourceType: 'transcript',
    sessionId: 'session-1',
    utteranceId: 'utterance-3',
    surveyId: null,
    responseId: null,
    participantKey: 'P1',
    stageId: 'stage-2',
    stageInferred: false,
    sentiment: 0.4,
    ...overrides,
  };
}

export function aCluster(overrides: Partial<ClusterResponse> = {}): ClusterResponse {
  return {
    id: 'cluster-1',
    runId: 'run-1',
    kind: 'job',
    status: 'proposed',
    label: 'Skip the queue',
    keywords: ['queue', 'order ahead'],
    statement: 'When I am late for work, I want to order ahead, so I can skip the queue.',
    statementParts: null,
    edited: false,
    cohesion: 0.71,
    size: 6,
    participants: 4,
    sources: 3,
    meanSentiment: 0.2,
    stageDistribution: { 'stage-1': 0.5, 'stage-2': 0.5 },
    touchpointId: null,
    channel: null,
    jobId: null,
    change: null,
    previousClusterId: null,
    representatives: [aClusterQuote()],
    ...overrides,
  };
}

export function aProjectJob(overrides: Partial<ProjectJobResponse> = {}): ProjectJobResponse {
  return {
    id: 'job-1',
    title: 'Skip the queue',
    statement: 'When I am late for work, I want to order ahead, so I can skip the queue.',
    clusterId: 'cluster-1',
    quotes: 6,
    participants: 4,
    sources: 3,
    personaIds: [],
    stageDistribution: { 'stage-1': 1 },
    createdAt: '2026-04-01T10:01:00.000Z',
    updatedAt: '2026-04-01T10:01:00.000Z',
    ...overrides,
  };
}

// --- Journey: KPIs, recommendations, versions -------------------------------------------

type FindingOf = import('@tropa/contracts').FindingResponse;
type FunnelStageOf = import('@tropa/contracts').FunnelStage;
type FunnelOf = import('@tropa/contracts').FunnelResponse;
type JourneyMapOf = import('@tropa/contracts').JourneyMapResponse;

/** A finding of the working map (a weak pain at stage-1 unless overridden). */
export function aMapFinding(overrides: Partial<FindingOf> = {}): FindingOf {
  return {
    id: 'finding-1',
    key: 'pains:stage-1:queue',
    stageId: 'stage-1',
    lane: 'pains',
    text: 'Long queue at the till',
    assembledText: 'Long queue at the till',
    quoteIds: ['quote-1'],
    strength: { quotes: 1, participants: 1, sources: 1, sessions: 1, surveys: 0, level: 'weak' },
    score: 1,
    status: 'proposed',
    rejectReason: null,
    reviewedBy: null,
    reviewedAt: null,
    isNew: false,
    comments: 0,
    ...overrides,
  };
}

export function aFunnelStage(overrides: Partial<FunnelStageOf> = {}): FunnelStageOf {
  return { stageId: 'stage-1', leads: null, conversion: null, averageCheck: null, purchasesPerCustomer: null, source: null, ...overrides };
}

export function aFunnelResponse(overrides: Partial<FunnelOf> = {}): FunnelOf {
  return { stages: [], largestDropStageId: null, revenue: null, periodDays: 30, handoffs: [], ...overrides };
}

/** The working map with the stages named (ids stage-1, stage-2, …) and nothing assembled unless overridden. */
export function aWorkingMap(stageNames: string[], overrides: Partial<JourneyMapOf> = {}): JourneyMapOf {
  return {
    id: 'map-1',
    projectId: 'project-1',
    personaId: null,
    assembledAt: '2026-01-03T00:00:00.000Z',
    stages: stageNames.map((name, index) => ({ id: `stage-${index + 1}`, name, order: index + 1 })),
    findings: [],
    notes: [],
    emotions: [],
    funnel: aFunnelResponse(),
    touchpoints: { cells: [], missing: [], silent: [] },
    latestVersion: null,
    ...overrides,
  };
}

export function aStageMetric(
  overrides: Partial<import('@tropa/contracts').StageMetricResponse> = {},
): import('@tropa/contracts').StageMetricResponse {
  return { id: 'metric-1', stageId: 'stage-1', periodStart: '2026-01-01', kpi: 'L', value: 100, source: 'manual', ...overrides };
}

export function aRecommendation(
  overrides: Partial<import('@tropa/contracts').RecommendationResponse> = {},
): import('@tropa/contracts').RecommendationResponse {
  return {
    id: 'recommendation-1',
    text: 'Open a second till at rush hour',
    findingIds: [],
    stageId: null,
    kpi: null,
    expectedEffect: '',
    impact: 3,
    effort: 3,
    priority: 2,
    ownerDepartment: '',
    status: 'proposed',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function aMapVersion(overrides: Partial<import('@tropa/contracts').MapVersionResponse> = {}): import('@tropa/contracts').MapVersionResponse {
  return {
    id: 'version-1',
    number: 1,
    personaId: null,
    publishedAt: '2026-01-05T10:00:00.000Z',
    publishedBy: 'Anna',
    unreviewed: 0,
    findings: 12,
    ...overrides,
  };
}

export function aMapDiff(overrides: Partial<import('@tropa/contracts').MapDiffResponse> = {}): import('@tropa/contracts').MapDiffResponse {
  return { from: { kind: 'version', id: 'version-1', number: 1 }, to: { kind: 'working' }, added: [], removed: [], changed: [], emotion: [], kpis: [], ...overrides };
}

// --- Journey: the map, its evidence, notes and comments ----------------------------------

/** A transcript quote behind a finding (session-1, utterance-3). */
export function anEvidenceQuote(
  overrides: Partial<import('@tropa/contracts').EvidenceQuoteResponse> = {},
): import('@tropa/contracts').EvidenceQuoteResponse {
  return {
    quoteId: 'quote-1',
    text: 'The queue at the till took forever',
    sourceType: 'transcript',
    sessionId: 'session-1',
    utteranceId: 'utterance-3',
    surveyId: null,
    responseId: null,
    sourceTitle: 'Interview with Olga',
    speaker: 'P1',
    participantKey: 'p1',
    stageId: 'stage-1',
    sentiment: -1.5,
    ...overrides,
  };
}

export function aMapNote(overrides: Partial<import('@tropa/contracts').MapNoteResponse> = {}): import('@tropa/contracts').MapNoteResponse {
  return {
    id: 'note-1',
    stageId: 'stage-1',
    lane: 'pains',
    text: 'Check with the store managers',
    authorId: 'user-1',
    authorName: 'Anna',
    createdAt: '2026-01-04T09:00:00.000Z',
    ...overrides,
  };
}

export function aFindingComment(overrides: Partial<import('@tropa/contracts').CommentResponse> = {}): import('@tropa/contracts').CommentResponse {
  return {
    id: 'comment-1',
    findingId: 'finding-1',
    text: 'Seen it in three interviews',
    authorId: 'user-1',
    authorName: 'Anna',
    createdAt: '2026-01-04T10:00:00.000Z',
    ...overrides,
  };
}

/** Everyone's emotion at stage-1: mean −0.5 over 12 answers, tags and inferred sentiment. */
export function anEmotionPoint(overrides: Partial<import('@tropa/contracts').EmotionPoint> = {}): import('@tropa/contracts').EmotionPoint {
  return {
    stageId: 'stage-1',
    personaId: null,
    n: 12,
    mean: -0.5,
    low: -1.1,
    high: 0.1,
    sources: { tags: 4, survey: 0, inferred: 8 },
    ...overrides,
  };
}

export function aPersona(overrides: Partial<import('@tropa/contracts').PersonaResponse> = {}): import('@tropa/contracts').PersonaResponse {
  return {
    id: 'persona-1',
    name: 'Busy parent',
    description: '',
    goals: [],
    attributes: {},
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}
