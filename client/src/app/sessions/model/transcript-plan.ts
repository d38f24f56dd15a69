import type { CommitTranscriptPlan, PersonalDataFinding, SpeakerAssignment, TranscriptPreviewResponse } from '@tropa/contracts';

/** What a detected speaker becomes: a participant of the session, the moderator, or nobody. */
export type SpeakerChoice = { kind: 'participant'; participantId: string } | { kind: 'moderator' } | { kind: 'ignore' };

export interface NameRow {
  name: string;
  pseudonym: string;
  /** Filled in from a speaker mapped to a participant (replaced when the mapping changes). */
  prefilled?: boolean;
}

/** A piece of an utterance's text, `finding` set when it is personal data. */
export interface TextSegment {
  text: string;
  finding: PersonalDataFinding | null;
}

/** One key per finding: the server recognises a finding by these four values. */
export function findingKey(finding: PersonalDataFinding): string {
  return `${finding.utterance}:${finding.kind}:${finding.start}:${finding.end}`;
}

export function toSpeakerAssignment(speaker: string, choice: SpeakerChoice | undefined): SpeakerAssignment {
  switch (choice?.kind) {
    case 'participant':
      return { speaker, participantId: choice.participantId };
    case 'moderator':
      return { speaker, moderator: true };
    case 'ignore':
    case undefined:
      return { speaker };
  }
}

/** Rows the server accepts: a name of 2+ characters and a pseudonym, trimmed, each name once. */
export function usableNames(rows: readonly NameRow[]): Array<{ name: string; pseudonym: string }> {
  const seen = new Set<string>();
  const names: Array<{ name: string; pseudonym: string }> = [];
  for (const row of rows) {
    const name = row.name.trim();
    const pseudonym = row.pseudonym.trim();
    if (name.length < 2 || pseudonym.length < 1 || seen.has(name.toLowerCase())) {
      continue;
    }
    seen.add(name.toLowerCase());
    names.push({ name, pseudonym });
  }
  return names;
}

/** The moderator's decisions as the commit expects them: every speaker, the accepted findings as previewed, the names. */
export function buildTranscriptPlan(
  preview: TranscriptPreviewResponse,
  choices: Readonly<Record<string, SpeakerChoice>>,
  accepted: ReadonlySet<string>,
  names: readonly NameRow[],
): CommitTranscriptPlan {
  return {
    speakers: preview.speakers.map((speaker) => toSpeakerAssignment(speaker.name, choices[speaker.name])),
    redactions: preview.personalData.filter((finding) => accepted.has(findingKey(finding))),
    names: usableNames(names),
  };
}

/** Splits a text at its findings (sorted, overlaps skipped) so a template can mark them without HTML. */
export function segmentText(text: string, findings: readonly PersonalDataFinding[]): TextSegment[] {
  const segments: TextSegment[] = [];
  let at = 0;
  for (const finding of [...findings].sort((a, b) => a.start - b.start)) {
    if (finding.start < at || finding.end > text.length || finding.end <= finding.start) {
      continue;
    }
    if (finding.start > at) {
      segments.push({ text: text.slice(at, finding.start), finding: null });
    }
    segments.push({ text: text.slice(finding.start, finding.end), finding });
    at = finding.end;
  }
  if (at < text.length) {
    segments.push({ text: text.slice(at), finding: null });
  }
  return segments;
}

/** "Анна" → "Анн" (Анне, Анну, Анной), "Олег" stays: a Russian name's ending changes with its case. */
function nameStem(word: string): string {
  return word.length >= 4 && /[аяйьоеы]$/i.test(word) ? word.slice(0, -1) : word;
}

function nameFormSource(word: string): string {
  return `${escapeRegExp(nameStem(word))}[а-яё]{0,3}`;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * An approximate preview of what will be stored: accepted findings become `[email]`, `[phone]`, …
 * and each name (whole word, any case, with a Russian ending) its pseudonym. The server's
 * redaction, which also knows inflected forms, is the one that counts.
 */
export function previewRedaction(text: string, findings: readonly PersonalDataFinding[], names: readonly NameRow[]): string {
  let result = '';
  for (const segment of segmentText(text, findings)) {
    result += segment.finding ? `[${segment.finding.kind}]` : segment.text;
  }
  for (const { name, pseudonym } of usableNames(names)) {
    const words = name.split(/\s+/);
    // The whole name first ("Анны Петровой"), then each word of 3+ letters alone ("Анне").
    const sources = [words.map(nameFormSource).join('\\s+'), ...(words.length > 1 ? words.filter((word) => word.length >= 3).map(nameFormSource) : [])];
    for (const source of sources) {
      result = result.replace(new RegExp(`(?<![\\p{L}\\p{N}_\\[])${source}(?![\\p{L}\\p{N}_])`, 'giu'), pseudonym);
    }
  }
  return result;
}
