/**
 * Evidence of findings: strength levels and stable finding keys.
 *
 * Level:
 * - weak: one person or one source (session / survey) — however many quotes;
 * - strong: at least STRONG_MIN_PARTICIPANTS people from at least STRONG_MIN_SOURCES sources;
 * - moderate: everything between (≥ 2 people and ≥ 2 sources).
 */
import type { EvidenceLevel, EvidenceQuote, EvidenceStrength, FindingLane, FindingSubject } from './journey.types';

export const STRONG_MIN_PARTICIPANTS = 5;
export const STRONG_MIN_SOURCES = 2;

/** Thrown when a finding would be created without evidence: a programming error, never a user's. */
export class FindingWithoutEvidenceError extends Error {
  constructor(readonly key: string) {
    super(`Finding "${key}" has no evidence: a finding without evidence cannot exist`);
    this.name = 'FindingWithoutEvidenceError';
  }
}

export function evidenceLevel(participants: number, sources: number): EvidenceLevel {
  if (participants <= 1 || sources <= 1) return 'weak';
  if (participants >= STRONG_MIN_PARTICIPANTS && sources >= STRONG_MIN_SOURCES) return 'strong';
  return 'moderate';
}

/** Strength of a set of quotes (unknown ids are ignored). */
export function evidenceStrength(quoteIds: readonly string[], quotesById: ReadonlyMap<string, EvidenceQuote>): EvidenceStrength {
  return strengthOf([...new Set(quoteIds)].map((id) => quotesById.get(id)).filter((q): q is EvidenceQuote => q !== undefined));
}

/** Strength of distinct quotes. */
export function strengthOf(quotes: readonly EvidenceQuote[]): EvidenceStrength {
  const people = new Set<string>();
  const sessions = new Set<string>();
  const surveys = new Set<string>();
  for (const quote of quotes) {
    people.add(quote.participantKey);
    (quote.sourceKind === 'session' ? sessions : surveys).add(quote.sourceId);
  }
  const sources = sessions.size + surveys.size;
  return { quotes: quotes.length, participants: people.size, sources, sessions: sessions.size, surveys: surveys.size, level: evidenceLevel(people.size, sources) };
}

/** `<lane>|<stageId or ->|<subject kind>:<subject id>` — the same in every assembly for the same subject. */
export function findingKey(lane: FindingLane, stageId: string | null, subject: FindingSubject): string {
  return `${lane}|${stageId ?? '-'}|${subject.kind}:${subject.id}`;
}
