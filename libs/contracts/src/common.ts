/** One error shape for every 4xx/5xx the API returns. */
export interface ApiError {
  statusCode: number;
  error: string;
  message: string;
  /** Field-level problems, e.g. `{ field: 'email', message: 'email must be an email' }`. */
  details?: FieldError[];
}

export interface FieldError {
  field: string;
  message: string;
}

export type SortOrder = 'asc' | 'desc';

/** Query of every list endpoint. `page` is 1-based; `pageSize` at most {@link MAX_PAGE_SIZE}. */
export interface PageQuery<TSort extends string = string> {
  page?: number;
  pageSize?: number;
  sort?: TSort;
  order?: SortOrder;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

export const TEXT_LIMITS = {
  name: 200,
  email: 254,
  description: 5000,
  password: { min: 8, max: 1024 },
  alias: 100,
  shortText: 500,
} as const;

export interface HealthResponse {
  status: 'ok' | 'degraded';
  database: 'up' | 'down';
  version: string;
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
export type JobKind = 'survey_import';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Long work (imports, synthesis runs) as the client polls it. */
export interface JobResponse {
  id: string;
  kind: JobKind;
  status: JobStatus;
  phase: string;
  /** 0..1 */
  progress: number;
  result: JsonObject | null;
  error: string | null;
  attempts: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}
