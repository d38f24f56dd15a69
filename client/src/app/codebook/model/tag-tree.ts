import type { TagKind, TagResponse } from '@tropa/contracts';

/** A tag with its children, as the codebook shows it. */
export interface TagNode {
  tag: TagResponse;
  depth: number;
  children: TagNode[];
}

/** One line of the tree drawn as a list: the tag and how far it is indented. */
export interface TagRow {
  tag: TagResponse;
  depth: number;
  hasChildren: boolean;
}

export interface TagFilter {
  kind?: TagKind | null;
  /** Part of a name, any case. */
  q?: string;
}

/**
 * The flat codebook as a forest. Siblings keep the order they came in; a tag whose parent is
 * missing (not loaded, or deleted meanwhile) becomes a root, and a cycle (which the server
 * refuses, but a half-loaded list might show) is cut instead of looping.
 */
export function buildTagTree(tags: readonly TagResponse[]): TagNode[] {
  const byId = new Map(tags.map((tag) => [tag.id, tag]));
  const childrenOf = new Map<string | null, TagResponse[]>();
  for (const tag of tags) {
    const parentKey = tag.parentId !== null && byId.has(tag.parentId) && !closesCycle(tag, byId) ? tag.parentId : null;
    const siblings = childrenOf.get(parentKey) ?? [];
    siblings.push(tag);
    childrenOf.set(parentKey, siblings);
  }
  const grow = (tag: TagResponse, depth: number): TagNode => ({
    tag,
    depth,
    children: (childrenOf.get(tag.id) ?? []).map((child) => grow(child, depth + 1)),
  });
  return (childrenOf.get(null) ?? []).map((tag) => grow(tag, 0));
}

/** True when following parents from `tag` comes back to it (every tag of a cycle then becomes a root). */
function closesCycle(tag: TagResponse, byId: ReadonlyMap<string, TagResponse>): boolean {
  const seen = new Set<string>([tag.id]);
  let parentId = tag.parentId;
  while (parentId !== null) {
    if (seen.has(parentId)) {
      return parentId === tag.id;
    }
    seen.add(parentId);
    parentId = byId.get(parentId)?.parentId ?? null;
  }
  return false;
}

/** The forest in reading order (parent, then its children), for a list with indentation. */
export function flattenTagTree(nodes: readonly TagNode[]): TagRow[] {
  const rows: TagRow[] = [];
  const visit = (node: TagNode): void => {
    rows.push({ tag: node.tag, depth: node.depth, hasChildren: node.children.length > 0 });
    node.children.forEach(visit);
  };
  nodes.forEach(visit);
  return rows;
}

/**
 * The tags that match the filter, with the ancestors that lead to them (so a match keeps its
 * place in the hierarchy). An empty filter keeps everything.
 */
export function filterTagTree(nodes: readonly TagNode[], filter: TagFilter): TagNode[] {
  const q = filter.q?.trim().toLocaleLowerCase() ?? '';
  const kind = filter.kind ?? null;
  if (!q && !kind) {
    return [...nodes];
  }
  const matches = (tag: TagResponse): boolean =>
    (!kind || tag.kind === kind) && (!q || tag.name.toLocaleLowerCase().includes(q));
  const prune = (node: TagNode): TagNode | null => {
    const children = node.children.map(prune).filter((child): child is TagNode => child !== null);
    return matches(node.tag) || children.length > 0 ? { ...node, children } : null;
  };
  return nodes.map(prune).filter((node): node is TagNode => node !== null);
}

/** The tag and everything under it: what a move or merge may not target. */
export function subtreeIds(tags: readonly TagResponse[], tagId: string): Set<string> {
  const ids = new Set<string>([tagId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const tag of tags) {
      if (tag.parentId !== null && ids.has(tag.parentId) && !ids.has(tag.id)) {
        ids.add(tag.id);
        grew = true;
      }
    }
  }
  return ids;
}

/** The tags a tag may be placed under (or merged into): all but itself and its descendants. */
export function allowedTargets(tags: readonly TagResponse[], tagId: string | null): TagResponse[] {
  if (tagId === null) {
    return [...tags];
  }
  const excluded = subtreeIds(tags, tagId);
  return tags.filter((tag) => !excluded.has(tag.id));
}

/** The tag's name with its ancestors, e.g. "Pain › Waiting › Queue": tells two same-named tags apart. */
export function tagPath(tags: readonly TagResponse[], tagId: string): string {
  const byId = new Map(tags.map((tag) => [tag.id, tag]));
  const names: string[] = [];
  const seen = new Set<string>();
  let current = byId.get(tagId);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    names.unshift(current.name);
    current = current.parentId !== null ? byId.get(current.parentId) : undefined;
  }
  return names.join(' › ');
}

/** The rows still shown when the tags in `collapsed` hide their descendants. */
export function visibleTagRows(rows: readonly TagRow[], collapsed: ReadonlySet<string>): TagRow[] {
  const visible: TagRow[] = [];
  let hiddenBelow: number | null = null;
  for (const row of rows) {
    if (hiddenBelow !== null && row.depth > hiddenBelow) {
      continue;
    }
    hiddenBelow = collapsed.has(row.tag.id) && row.hasChildren ? row.depth : null;
    visible.push(row);
  }
  return visible;
}

/** What deleting a tag takes with it: its sub-tags and their applications (the server cascades). */
export function deletionImpact(tags: readonly TagResponse[], tagId: string): { children: number; childUsage: number } {
  const below = [...subtreeIds(tags, tagId)].filter((id) => id !== tagId);
  const byId = new Map(tags.map((tag) => [tag.id, tag]));
  return { children: below.length, childUsage: below.reduce((sum, id) => sum + (byId.get(id)?.usage ?? 0), 0) };
}
