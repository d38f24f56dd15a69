/** One code of a codebook as exchanged with other QDA tools; `kind` is Tropa's tag kind when known. */
export interface CodebookEntry {
  id: string;
  parentId: string | null;
  name: string;
  color: string | null;
  description: string;
  kind: string | null;
}
