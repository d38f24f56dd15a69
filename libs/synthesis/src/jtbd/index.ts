export { draftJtbd, JTBD_PLACEHOLDER } from './draft-statement';
export type { JtbdStatement, JtbdStatementPart, DraftJtbdOptions } from './draft-statement';
export { extractJtbdClauses, carriesJob, MAX_CLAUSE_WORDS } from './clauses';
export type { JtbdClause } from './clauses';
export { cleanClause } from './clean-clause';
export type { JtbdPart, ClauseForm } from './markers';
