import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page, type SortOrder } from '@tropa/contracts';
import { OneOf, QueryInt } from './validators';

/** Query of every list endpoint; subclasses add `sort` with their allow-list and filters. */
export class PageQueryDto {
  @QueryInt(1, 1_000_000)
  page?: number;

  @QueryInt(1, MAX_PAGE_SIZE)
  pageSize?: number;

  @OneOf(['asc', 'desc'], true)
  order?: SortOrder;
}

export interface PageWindow {
  page: number;
  pageSize: number;
  skip: number;
}

export function pageWindow(query: PageQueryDto): PageWindow {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  return { page, pageSize, skip: (page - 1) * pageSize };
}

export function toPage<TEntity, TResponse>(
  [rows, total]: [TEntity[], number],
  window: PageWindow,
  map: (row: TEntity) => TResponse,
): Page<TResponse> {
  return { items: rows.map(map), total, page: window.page, pageSize: window.pageSize };
}

export function sqlOrder(order: SortOrder | undefined, fallback: SortOrder = 'asc'): 'ASC' | 'DESC' {
  return (order ?? fallback) === 'asc' ? 'ASC' : 'DESC';
}

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
