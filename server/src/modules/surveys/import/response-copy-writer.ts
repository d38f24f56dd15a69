import type { AnswerValue, SurveyQuestionInfo } from '@tropa/contracts';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { openAnswers } from '../open-answer-quotes';
import type { QuestionMappingEntity } from '../question-mapping.entity';

/** A checked row, ready to be written. */
export interface ImportedRow {
  respondentKey: string;
  answers: Record<string, AnswerValue>;
  completed: boolean;
  submittedAt: Date;
  personaId: string | null;
}

export interface CopyTarget {
  surveyId: string;
  projectId: string;
  importId: string;
  questions: SurveyQuestionInfo[];
  mappings: Map<string, QuestionMappingEntity>;
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const SPECIAL = /[\\\t\n\r]/g;

/** One field of PostgreSQL's COPY text format: `\N` for null, backslash escapes for the rest. */
export function copyField(value: string | null): string {
  if (value === null) return '\\N';
  SPECIAL.lastIndex = 0;
  return SPECIAL.test(value) ? value.replace(SPECIAL, (char) => ESCAPES[char]) : value;
}

/**
 * Time-ordered ids (UUID version 7: milliseconds, then a counter, then random bits). New rows land
 * at the right edge of the primary-key and `response_id` indexes instead of on random pages, and
 * a quote's foreign-key check finds its response on a page that was just written.
 */
export class OrderedIds {
  private readonly random = randomBytes(8).toString('hex');
  private lastMs = 0;
  private counter = 0;

  next(): string {
    const now = Date.now();
    if (now > this.lastMs) {
      this.lastMs = now;
      this.counter = 0;
    } else {
      this.counter += 1;
    }
    // 48 bits of time; version 7 + 12 bits and variant 10 + 14 bits of counter (26 bits: 67 million ids per ms).
    const time = this.lastMs.toString(16).padStart(12, '0');
    const high = (this.counter >>> 14) & 0xfff;
    const low = 0x8000 | (this.counter & 0x3fff);
    return `${time.slice(0, 8)}-${time.slice(8)}-7${high.toString(16).padStart(3, '0')}-${low.toString(16)}-${this.random.slice(0, 12)}`;
  }
}

const RESPONSES_COPY =
  'COPY survey_responses (id, survey_id, project_id, respondent_key, source, import_batch_id, answers, completed, submitted_at, persona_id) FROM STDIN';
const QUOTES_COPY =
  'COPY quotes (id, project_id, source_type, survey_id, response_id, question_name, start_offset, end_offset, text, stage_id, touchpoint_id, participant_key) FROM STDIN';

/** Text encoded as it comes into 64 KB buffers: what a batch keeps is bytes, not the strings it was made from. */
class ByteChunks {
  private static readonly SIZE = 64 * 1024;
  private chunks: Buffer[] = [];
  private current = Buffer.allocUnsafe(ByteChunks.SIZE);
  private used = 0;

  write(text: string): void {
    const most = text.length * 3;
    if (this.used + most > this.current.length) {
      this.seal();
      if (most > this.current.length) {
        this.chunks.push(Buffer.from(text, 'utf8'));
        return;
      }
    }
    this.used += this.current.write(text, this.used, 'utf8');
  }

  take(): Buffer[] {
    this.seal();
    const taken = this.chunks;
    this.chunks = [];
    return taken;
  }

  private seal(): void {
    if (this.used === 0) return;
    this.chunks.push(this.current.subarray(0, this.used));
    this.current = Buffer.allocUnsafe(ByteChunks.SIZE);
    this.used = 0;
  }
}

/**
 * Writes imported responses, and a quote for each non-empty open answer, with `COPY … FROM STDIN`
 * on the import's own transaction: no SQL to parse per row, and PostgreSQL inserts in bulk.
 * Ids are made here, so quotes point at their responses without reading anything back. Each row
 * is encoded as soon as it is added, so its parsed cells and answers die young (cheap to collect)
 * instead of waiting in the batch.
 */
export class ResponseCopyWriter {
  private readonly ids = new OrderedIds();
  private responses = new ByteChunks();
  private quotes = new ByteChunks();
  private pending = 0;

  constructor(
    private readonly client: PoolClient,
    private readonly target: CopyTarget,
  ) {}

  add(row: ImportedRow): void {
    const { surveyId, projectId, importId, questions, mappings } = this.target;
    const id = this.ids.next();
    const key = copyField(row.respondentKey);
    this.responses.write(
      `${id}\t${surveyId}\t${projectId}\t${key}\timport\t${importId}\t${copyField(JSON.stringify(row.answers))}\t${row.completed ? 't' : 'f'}\t${row.submittedAt.toISOString()}\t${copyField(row.personaId)}\n`,
    );
    for (const answer of openAnswers(row.answers, questions, mappings)) {
      this.quotes.write(
        `${this.ids.next()}\t${projectId}\tsurvey_answer\t${surveyId}\t${id}\t${copyField(answer.questionName)}\t0\t${answer.text.length}\t${copyField(answer.text)}\t${copyField(answer.stageId)}\t${copyField(answer.touchpointId)}\t${key}\n`,
      );
    }
    this.pending += 1;
  }

  /** Drops the rows added since the last write (nothing is written once a row has a problem). */
  discard(): void {
    this.responses.take();
    this.quotes.take();
    this.pending = 0;
  }

  /** Copies the rows added since the last write; resolves to their number. */
  async write(): Promise<number> {
    const count = this.pending;
    const responses = this.responses.take();
    const quotes = this.quotes.take();
    this.pending = 0;
    if (responses.length) await this.copy(RESPONSES_COPY, responses);
    if (quotes.length) await this.copy(QUOTES_COPY, quotes);
    return count;
  }

  private async copy(statement: string, chunks: Buffer[]): Promise<void> {
    await pipeline(Readable.from(chunks), this.client.query(copyFrom(statement)));
  }
}
