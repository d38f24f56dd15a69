import type { TextEncoding } from '../encoding/decode-text';

/** A project stage or touchpoint the file's names are matched to (case-insensitive, RU or EN). */
export interface EventsFileRef {
  id: string;
  name: string;
  aliases?: readonly string[];
}

export interface EventsFileStage extends EventsFileRef {
  order: number;
}

export interface EventsFileTouchpoint extends EventsFileRef {
  /** The touchpoint's stage, used to check the order of events that name only a touchpoint. */
  stageId?: string | null;
}

export interface ReadEventsFileOptions {
  stages: readonly EventsFileStage[];
  touchpoints?: readonly EventsFileTouchpoint[];
  /** Used in error messages. */
  fileName?: string;
  /** How many problems are kept (the first by line); `problemCount` counts them all. Default 1,000. */
  maxProblems?: number;
}

/** `time`: a separate time-of-day column next to a date-only `timestamp` column ("Дата" + "Время"). */
export type EventsColumnRole = 'customer' | 'stage' | 'touchpoint' | 'timestamp' | 'time' | 'amount';

export type EventRowProblemCode =
  | 'missing_customer'
  | 'missing_stage'
  | 'unknown_stage'
  | 'unknown_touchpoint'
  | 'invalid_date'
  | 'invalid_amount'
  | 'negative_amount'
  | 'backwards';

export interface EventRowProblem {
  /** 1-based line of the file where the row starts. */
  line: number;
  column: EventsColumnRole | null;
  code: EventRowProblemCode;
  /** The cell as written (cut to 100 characters). */
  value: string;
  reason: string;
}

export interface ImportedEvent {
  line: number;
  customerId: string;
  stageId: string | null;
  touchpointId: string | null;
  /** UTC; times without a zone are taken as UTC. */
  at: Date;
  amount: number | null;
}

export interface EventsFile {
  encoding: TextEncoding;
  delimiter: string;
  /** Column index of each role, null when the file has no such column. */
  columns: Record<EventsColumnRole, number | null>;
  /** Data rows read (blank rows skipped). */
  rows: number;
  /** The rows without problems of their own (a row going backwards is still here). */
  events: ImportedEvent[];
  /** Sorted by line; at most `maxProblems`. */
  problems: EventRowProblem[];
  problemCount: number;
}
