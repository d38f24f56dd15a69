import { Injectable, computed, inject, signal } from '@angular/core';
import type { ApiError, ParticipantResponse, PersonalDataFinding, TranscriptPreviewResponse } from '@tropa/contracts';
import type { LoadStatus } from '../../core/data-access/load-status';
import { toResult } from '../../core/http/api-error';
import type { Result } from '../../core/http/api-error';
import { buildTranscriptPlan, findingKey, previewRedaction } from '../model/transcript-plan';
import type { NameRow, SpeakerChoice } from '../model/transcript-plan';
import { SessionsApi } from './sessions-api';

export type ImportStep = 'choose' | 'preview' | 'done';

interface ImportState {
  step: ImportStep;
  status: LoadStatus;
  /** Kept in memory between the preview and the commit, which sends it again. */
  file: File | null;
  preview: TranscriptPreviewResponse | null;
  choices: Record<string, SpeakerChoice>;
  accepted: ReadonlySet<string>;
  names: NameRow[];
  error: ApiError | null;
  saved: number | null;
}

const INITIAL: ImportState = {
  step: 'choose',
  status: 'idle',
  file: null,
  preview: null,
  choices: {},
  accepted: new Set(),
  names: [],
  error: null,
  saved: null,
};

export const REDACTION_PREVIEW_COUNT = 5;

/**
 * The two-step transcript upload: preview the file (nothing stored), decide who each speaker
 * is, which personal data to replace and which names to swap for pseudonyms, then send the
 * same file again with that plan.
 */
@Injectable()
export class TranscriptImportStore {
  private readonly api = inject(SessionsApi);
  private readonly state = signal<ImportState>(INITIAL);
  private projectId = '';
  private sessionId = '';

  readonly step = computed(() => this.state().step);
  readonly status = computed(() => this.state().status);
  readonly file = computed(() => this.state().file);
  readonly preview = computed(() => this.state().preview);
  readonly choices = computed(() => this.state().choices);
  readonly accepted = computed(() => this.state().accepted);
  readonly names = computed(() => this.state().names);
  readonly error = computed(() => this.state().error);
  readonly saved = computed(() => this.state().saved);
  readonly busy = computed(() => this.state().status === 'loading');
  readonly plan = computed(() => {
    const { preview, choices, accepted, names } = this.state();
    return preview ? buildTranscriptPlan(preview, choices, accepted, names) : null;
  });
  readonly acceptedCount = computed(() => this.plan()?.redactions.length ?? 0);
  /** Findings grouped by utterance index, for highlighting. */
  readonly findingsByUtterance = computed(() => {
    const byUtterance = new Map<number, PersonalDataFinding[]>();
    for (const finding of this.state().preview?.personalData ?? []) {
      byUtterance.set(finding.utterance, [...(byUtterance.get(finding.utterance) ?? []), finding]);
    }
    return byUtterance;
  });
  /** The first utterances as they would be stored (approximate: the server has the last word). */
  readonly redactedPreview = computed(() => {
    const preview = this.state().preview;
    const plan = this.plan();
    if (!preview || !plan) {
      return [];
    }
    return preview.utterances.slice(0, REDACTION_PREVIEW_COUNT).map((utterance) => ({
      index: utterance.index,
      speaker: utterance.speaker,
      startMs: utterance.startMs,
      text: previewRedaction(
        utterance.text,
        plan.redactions.filter((finding) => finding.utterance === utterance.index),
        plan.names,
      ),
    }));
  });

  open(projectId: string, sessionId: string): void {
    this.projectId = projectId;
    this.sessionId = sessionId;
    this.state.set(INITIAL);
  }

  reset(): void {
    this.state.set(INITIAL);
  }

  /**
   * Step 1. Every finding starts accepted; a speaker whose name is a participant's pseudonym is
   * mapped to them, one named like the session's moderator to the moderator.
   */
  async choose(file: File, participants: readonly ParticipantResponse[], moderatorName: string | null = null): Promise<Result<TranscriptPreviewResponse>> {
    this.state.update((state) => ({ ...state, status: 'loading', error: null, file }));
    const result = await toResult(this.api.previewTranscript(this.projectId, this.sessionId, file));
    if (!result.ok) {
      this.state.update((state) => ({ ...state, status: 'error', error: result.error, file: null }));
      return result;
    }
    const preview = result.value;
    const choices: Record<string, SpeakerChoice> = {};
    for (const speaker of preview.speakers) {
      const name = speaker.name.trim().toLowerCase();
      const participant = participants.find((candidate) => candidate.pseudonym.trim().toLowerCase() === name);
      if (participant) {
        choices[speaker.name] = { kind: 'participant', participantId: participant.id };
      } else if (moderatorName && moderatorName.trim().toLowerCase() === name) {
        choices[speaker.name] = { kind: 'moderator' };
      } else {
        choices[speaker.name] = { kind: 'ignore' };
      }
    }
    this.state.set({
      ...INITIAL,
      step: 'preview',
      status: 'ready',
      file,
      preview,
      choices,
      accepted: new Set(preview.personalData.map(findingKey)),
    });
    return result;
  }

  /**
   * Maps a speaker. Mapping to a participant also prefills "speaker name → pseudonym" (the
   * name is then replaced in the text too), unless the name is the pseudonym already.
   */
  assign(speaker: string, choice: SpeakerChoice, participants: readonly ParticipantResponse[]): void {
    this.state.update((state) => {
      const names = state.names.filter((row) => !(row.name === speaker && row.prefilled));
      if (choice.kind === 'participant') {
        const pseudonym = participants.find((participant) => participant.id === choice.participantId)?.pseudonym;
        if (pseudonym && pseudonym.trim().toLowerCase() !== speaker.trim().toLowerCase() && !names.some((row) => row.name === speaker)) {
          names.push({ name: speaker, pseudonym, prefilled: true });
        }
      }
      return { ...state, choices: { ...state.choices, [speaker]: choice }, names };
    });
  }

  toggleFinding(finding: PersonalDataFinding, accept: boolean): void {
    this.state.update((state) => {
      const accepted = new Set(state.accepted);
      if (accept) {
        accepted.add(findingKey(finding));
      } else {
        accepted.delete(findingKey(finding));
      }
      return { ...state, accepted };
    });
  }

  addName(row: NameRow = { name: '', pseudonym: '' }): void {
    this.state.update((state) => ({ ...state, names: [...state.names, row] }));
  }

  updateName(index: number, row: NameRow): void {
    this.state.update((state) => ({ ...state, names: state.names.map((current, at) => (at === index ? { ...row, prefilled: false } : current)) }));
  }

  removeName(index: number): void {
    this.state.update((state) => ({ ...state, names: state.names.filter((_, at) => at !== index) }));
  }

  /** Step 2: the same file again with the plan. 409 (a transcript already there) and 400 stay as the error. */
  async commit(): Promise<Result<{ utterances: number }>> {
    const { file } = this.state();
    const plan = this.plan();
    if (!file || !plan) {
      return { ok: false, error: { statusCode: 0, error: 'Error', message: '' } };
    }
    this.state.update((state) => ({ ...state, status: 'loading', error: null }));
    const result = await toResult(this.api.commitTranscript(this.projectId, this.sessionId, file, plan));
    if (result.ok) {
      this.state.update((state) => ({ ...state, step: 'done', status: 'ready', saved: result.value.utterances }));
    } else {
      this.state.update((state) => ({ ...state, status: 'error', error: result.error }));
    }
    return result;
  }
}
