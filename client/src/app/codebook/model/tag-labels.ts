import type { TagKind } from '@tropa/contracts';
import type { MessageKey } from '../../core/i18n/messages.en';

/** Dictionary key of a tag kind, typed so a new kind without a translation fails the build. */
export function tagKindKey(kind: TagKind): MessageKey {
  return `codebook.kind.${kind}`;
}

export const VALENCES = [-2, -1, 0, 1, 2] as const;
export type Valence = (typeof VALENCES)[number];

export function valenceKey(valence: Valence): MessageKey {
  return `codebook.valence.${valence}`;
}

/** Kinds a coder may create: stage tags come with the project's stages. */
export const CREATABLE_KINDS: readonly TagKind[] = ['pain', 'gain', 'emotion', 'job', 'touchpoint', 'action', 'decision', 'custom'];
