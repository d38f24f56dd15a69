import type { ProjectRole } from '@tropa/contracts';

const SESSION_WRITERS: readonly ProjectRole[] = ['owner', 'researcher', 'moderator'];
const CODERS: readonly ProjectRole[] = ['owner', 'researcher', 'moderator'];
const CONTACT_READERS: readonly ProjectRole[] = ['owner', 'researcher'];

/** Sessions, participants and transcripts: owners, researchers and moderators write; strategists read. */
export function canWriteSessions(role: ProjectRole | null): boolean {
  return role !== null && SESSION_WRITERS.includes(role);
}

/** Participants' contacts: the server masks them ("•••") for the other roles. */
export function canSeeContacts(role: ProjectRole | null): boolean {
  return role !== null && CONTACT_READERS.includes(role);
}

/** Highlighting, tagging and settling coders' disagreements (the server's CODERS); strategists read. */
export function canCode(role: ProjectRole | null): boolean {
  return role !== null && CODERS.includes(role);
}
