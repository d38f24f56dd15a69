import type { ProjectRole } from '@tropa/contracts';

const CODERS: readonly ProjectRole[] = ['owner', 'researcher', 'moderator'];

/** The codebook and tagging are the coders' work; strategists read. */
export function canCode(role: ProjectRole | null): boolean {
  return role !== null && CODERS.includes(role);
}
