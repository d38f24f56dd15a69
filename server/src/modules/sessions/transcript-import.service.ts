import { Injectable } from '@nestjs/common';
import type { CommitTranscriptPlan, FieldError, PersonalDataFinding, TranscriptPreviewResponse } from '@tropa/contracts';
import { findPersonalData, ImportError, type ParsedTranscript, parseTranscript, redact } from '@tropa/importers';
import { DataSource } from 'typeorm';
import { DomainErrorCode, DomainException } from '../../core/errors/domain.exception';
import { ParticipantEntity, UtteranceEntity } from './session.entities';
import { SessionsService } from './sessions.service';

export const MAX_TRANSCRIPT_BYTES = 20 * 1024 * 1024;
const ACCEPTED = /\.(vtt|srt|docx|txt)$/i;

export interface TranscriptFile {
  originalname: string;
  size: number;
  buffer: Buffer;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function invalid(problems: FieldError[]): DomainException {
  return new DomainException(DomainErrorCode.Invalid, `Invalid transcript plan: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`, problems);
}

/** Personal data of every utterance, as the preview shows it. */
function findingsOf(transcript: ParsedTranscript): PersonalDataFinding[] {
  return transcript.utterances.flatMap((utterance) =>
    findPersonalData(utterance.text).map((match) => ({ utterance: utterance.index, kind: match.kind, start: match.start, end: match.end, text: match.text })),
  );
}

/**
 * Transcript upload in two steps. The preview parses the file and lists speakers
 * and personal data; nothing is stored. The commit receives the same file again
 * with the moderator's decisions and stores the redacted utterances in one
 * transaction — so text that was meant to be redacted never reaches the database.
 */
@Injectable()
export class TranscriptImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
  ) {}

  private async parse(file: TranscriptFile | undefined): Promise<ParsedTranscript> {
    if (!file) throw DomainException.invalid('file', 'Attach a transcript (.vtt, .srt, .docx or .txt) in the "file" field');
    if (!ACCEPTED.test(file.originalname)) throw DomainException.invalid('file', 'Transcripts can be .vtt, .srt, .docx or .txt files');
    try {
      return await parseTranscript(file.buffer, file.originalname);
    } catch (error) {
      if (error instanceof ImportError) throw DomainException.invalid('file', error.message);
      throw error;
    }
  }

  async preview(projectId: string, sessionId: string, file: TranscriptFile | undefined): Promise<TranscriptPreviewResponse> {
    await this.sessions.find(this.dataSource.manager, projectId, sessionId);
    const transcript = await this.parse(file);
    return {
      format: transcript.format,
      speakers: transcript.speakers,
      utterances: transcript.utterances.map(({ index, speaker, startMs, endMs, text }) => ({ index, speaker, startMs, endMs, text })),
      personalData: findingsOf(transcript),
      warnings: transcript.warnings,
    };
  }

  async commit(projectId: string, sessionId: string, file: TranscriptFile | undefined, planText: string | undefined): Promise<{ utterances: number }> {
    await this.sessions.find(this.dataSource.manager, projectId, sessionId);
    const plan = this.readPlan(planText);
    const transcript = await this.parse(file);
    const participants = await this.dataSource.getRepository(ParticipantEntity).findBy({ sessionId, projectId });
    const participantById = new Map(participants.map((participant) => [participant.id, participant]));
    const problems: FieldError[] = [];

    const speakerNames = new Set(transcript.speakers.map((speaker) => speaker.name));
    const assignment = new Map<string, { participant: ParticipantEntity | null; moderator: boolean }>();
    plan.speakers.forEach((item, index) => {
      const at = `plan.speakers[${index}]`;
      if (!speakerNames.has(item.speaker)) problems.push({ field: `${at}.speaker`, message: `"${item.speaker}" is not a speaker of this transcript` });
      const participant = item.participantId ? participantById.get(item.participantId) : undefined;
      if (item.participantId && !participant) problems.push({ field: `${at}.participantId`, message: 'participantId must be a participant of this session' });
      if (item.participantId && item.moderator) problems.push({ field: `${at}.moderator`, message: 'a speaker is either a participant or the moderator' });
      assignment.set(item.speaker, { participant: participant ?? null, moderator: item.moderator === true });
    });
    const found = new Set(findingsOf(transcript).map((finding) => JSON.stringify([finding.utterance, finding.kind, finding.start, finding.end])));
    plan.redactions.forEach((finding, index) => {
      if (!found.has(JSON.stringify([finding.utterance, finding.kind, finding.start, finding.end]))) {
        problems.push({ field: `plan.redactions[${index}]`, message: 'is not personal data found in this file: preview it again' });
      }
    });
    if (problems.length) throw invalid(problems);

    const byUtterance = new Map<number, PersonalDataFinding[]>();
    for (const finding of plan.redactions) byUtterance.set(finding.utterance, [...(byUtterance.get(finding.utterance) ?? []), finding]);
    const rows = transcript.utterances.map((utterance) => {
      const who = utterance.speaker ? assignment.get(utterance.speaker) : undefined;
      const label = who?.participant?.pseudonym ?? (utterance.speaker ? redact(utterance.speaker, [], plan.names) : null);
      return {
        position: utterance.index,
        speaker: label ? label.slice(0, 100) : null,
        participantId: who?.participant?.id ?? null,
        moderator: who?.moderator ?? false,
        startMs: utterance.startMs,
        endMs: utterance.endMs,
        text: redact(utterance.text, byUtterance.get(utterance.index) ?? [], plan.names),
      };
    });

    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT 1 FROM research_sessions WHERE id = $1 FOR UPDATE', [sessionId]);
      if (await manager.existsBy(UtteranceEntity, { sessionId })) {
        throw DomainException.conflict('file', 'This session already has a transcript');
      }
      await manager.query(
        `INSERT INTO utterances (project_id, session_id, position, speaker, participant_id, moderator, start_ms, end_ms, text)
         SELECT $1, $2, u.position, u.speaker, u.participant_id, u.moderator, u.start_ms, u.end_ms, u.text
           FROM unnest($3::int[], $4::text[], $5::uuid[], $6::boolean[], $7::int[], $8::int[], $9::text[])
             AS u(position, speaker, participant_id, moderator, start_ms, end_ms, text)`,
        [
          projectId,
          sessionId,
          rows.map((row) => row.position),
          rows.map((row) => row.speaker),
          rows.map((row) => row.participantId),
          rows.map((row) => row.moderator),
          rows.map((row) => row.startMs),
          rows.map((row) => row.endMs),
          rows.map((row) => row.text),
        ],
      );
    });
    return { utterances: rows.length };
  }

  /** The plan arrives as a JSON text field of the multipart form. */
  private readPlan(planText: string | undefined): CommitTranscriptPlan {
    if (!planText) throw DomainException.invalid('plan', 'Send the speakers, redactions and names as a JSON "plan" field');
    let value: unknown;
    try {
      value = JSON.parse(planText);
    } catch {
      throw DomainException.invalid('plan', 'plan must be JSON');
    }
    const problems: FieldError[] = [];
    if (!isObject(value)) throw DomainException.invalid('plan', 'plan must be an object with speakers, redactions and names');
    const list = (key: string): unknown[] => {
      const items = value[key] ?? [];
      if (!Array.isArray(items) || items.length > 10_000) {
        problems.push({ field: `plan.${key}`, message: 'must be a list' });
        return [];
      }
      return items;
    };
    const speakers = list('speakers').map((item, index) => {
      const ok = isObject(item) && typeof item['speaker'] === 'string' && (item['participantId'] === undefined || item['participantId'] === null || typeof item['participantId'] === 'string') && (item['moderator'] === undefined || typeof item['moderator'] === 'boolean');
      if (!ok) problems.push({ field: `plan.speakers[${index}]`, message: 'must be { speaker, participantId?, moderator? }' });
      return ok ? { speaker: item['speaker'] as string, participantId: (item['participantId'] as string | null | undefined) ?? null, moderator: item['moderator'] === true } : null;
    });
    const redactions = list('redactions').map((item, index) => {
      const ok = isObject(item) && ['utterance', 'start', 'end'].every((key) => Number.isInteger(item[key])) && ['email', 'phone', 'card', 'url'].includes(item['kind'] as string);
      if (!ok) problems.push({ field: `plan.redactions[${index}]`, message: 'must be a finding of the preview { utterance, kind, start, end, text }' });
      return ok ? (item as unknown as PersonalDataFinding) : null;
    });
    const names = list('names').map((item, index) => {
      const ok = isObject(item) && typeof item['name'] === 'string' && typeof item['pseudonym'] === 'string' && item['name'].trim().length > 1 && item['name'].length <= 100 && item['pseudonym'].trim().length > 0 && item['pseudonym'].length <= 100;
      if (!ok) problems.push({ field: `plan.names[${index}]`, message: 'must be { name, pseudonym } of 2–100 and 1–100 characters' });
      return ok ? { name: (item['name'] as string).trim(), pseudonym: (item['pseudonym'] as string).trim() } : null;
    });
    if (problems.length) throw invalid(problems);
    return {
      speakers: speakers.filter((item) => item !== null),
      redactions: redactions.filter((item) => item !== null),
      names: names.filter((item) => item !== null),
    };
  }
}
