import { Injectable, computed, inject, signal } from '@angular/core';
import type {
  ApiError,
  CodebookFormat,
  CodebookImportReport,
  CreateTagRequest,
  Page,
  TagResponse,
  UpdateTagRequest,
} from '@tropa/contracts';
import { MAX_PAGE_SIZE } from '@tropa/contracts';
import { EMPTY, expand, reduce } from 'rxjs';
import type { Observable, Subscription } from 'rxjs';
import type { LoadStatus } from '../../core/data-access/load-status';
import { toApiError, toResult } from '../../core/http/api-error';
import type { Result } from '../../core/http/api-error';
import { buildTagTree, flattenTagTree, subtreeIds } from '../model/tag-tree';
import { CodebookApi } from './codebook-api';

interface CodebookState {
  status: LoadStatus;
  projectId: string;
  tags: TagResponse[];
  error: ApiError | null;
}

const NOT_LOADED: ApiError = { statusCode: 0, error: 'Error', message: '' };

/**
 * All tags of a project (a codebook has a few hundred at most: pages of 100 until done) and
 * the tree they form. Used by the codebook screen and by any tag picker (e.g. the transcript's).
 * Provided in root so every screen of a project sees the same codebook; `load` of another
 * project starts over, `load` of the same one refreshes in place.
 */
@Injectable({ providedIn: 'root' })
export class CodebookStore {
  private readonly api = inject(CodebookApi);
  private readonly state = signal<CodebookState>({ status: 'idle', projectId: '', tags: [], error: null });
  private inFlight: Subscription | null = null;

  readonly status = computed(() => this.state().status);
  readonly projectId = computed(() => this.state().projectId);
  readonly error = computed(() => this.state().error);
  /** Flat, in the server's order (by kind, stage tags in journey order). */
  readonly tags = computed(() => this.state().tags);
  readonly tree = computed(() => buildTagTree(this.state().tags));
  /** The tree as indented lines. */
  readonly rows = computed(() => flattenTagTree(this.tree()));
  readonly byId = computed(() => new Map(this.state().tags.map((tag) => [tag.id, tag])));
  readonly isEmpty = computed(() => this.state().status === 'ready' && this.state().tags.length === 0);

  load(projectId: string): void {
    const same = this.state().projectId === projectId;
    this.state.update((state) => ({
      status: 'loading',
      projectId,
      tags: same ? state.tags : [],
      error: null,
    }));
    this.inFlight?.unsubscribe();
    this.inFlight = this.fetchAll(projectId).subscribe({
      next: (tags) => this.state.set({ status: 'ready', projectId, tags, error: null }),
      error: (error: unknown) => this.state.update((state) => ({ ...state, status: 'error', error: toApiError(error) })),
    });
  }

  reload(): void {
    if (this.state().projectId) {
      this.load(this.state().projectId);
    }
  }

  /** Pages of {@link MAX_PAGE_SIZE}, one after the other, until the total is reached. */
  private fetchAll(projectId: string): Observable<TagResponse[]> {
    const page = (n: number): Observable<Page<TagResponse>> =>
      this.api.list(projectId, { page: n, pageSize: MAX_PAGE_SIZE, sort: 'kind', order: 'asc' });
    return page(1).pipe(
      expand((current) =>
        current.page * current.pageSize < current.total && current.items.length > 0 ? page(current.page + 1) : EMPTY,
      ),
      reduce((all, current) => [...all, ...current.items], [] as TagResponse[]),
    );
  }

  async create(request: CreateTagRequest): Promise<Result<TagResponse>> {
    const projectId = this.state().projectId;
    if (!projectId) {
      return { ok: false, error: NOT_LOADED };
    }
    const result = await toResult(this.api.create(projectId, request));
    if (result.ok) {
      this.state.update((state) => ({ ...state, tags: [...state.tags, result.value] }));
    }
    return result;
  }

  /** Reads one tag again (its usage may have grown since the list came): before a delete says what it affects. */
  async refresh(tagId: string): Promise<Result<TagResponse>> {
    const projectId = this.state().projectId;
    if (!projectId) {
      return { ok: false, error: NOT_LOADED };
    }
    const result = await toResult(this.api.get(projectId, tagId));
    if (result.ok) {
      this.replace(result.value);
    }
    return result;
  }

  /** Edit, rename or move (a new `parentId`). */
  async update(tagId: string, request: UpdateTagRequest): Promise<Result<TagResponse>> {
    const projectId = this.state().projectId;
    if (!projectId) {
      return { ok: false, error: NOT_LOADED };
    }
    const result = await toResult(this.api.update(projectId, tagId, request));
    if (result.ok) {
      this.replace(result.value);
    }
    return result;
  }

  /** The tag's quotes and children go to `intoTagId`; the tag goes. The target comes back with its new usage. */
  async merge(tagId: string, intoTagId: string): Promise<Result<TagResponse>> {
    const projectId = this.state().projectId;
    if (!projectId) {
      return { ok: false, error: NOT_LOADED };
    }
    const result = await toResult(this.api.merge(projectId, tagId, intoTagId));
    if (result.ok) {
      this.state.update((state) => ({
        ...state,
        tags: state.tags
          .filter((tag) => tag.id !== tagId)
          .map((tag) => (tag.id === intoTagId ? result.value : tag.parentId === tagId ? { ...tag, parentId: intoTagId } : tag)),
      }));
    }
    return result;
  }

  /** Deletes the tag with its children (the server cascades) and untags their quotes. */
  async remove(tagId: string): Promise<Result<void>> {
    const projectId = this.state().projectId;
    if (!projectId) {
      return { ok: false, error: NOT_LOADED };
    }
    const result = await toResult(this.api.remove(projectId, tagId));
    if (result.ok) {
      this.state.update((state) => {
        const gone = subtreeIds(state.tags, tagId);
        return { ...state, tags: state.tags.filter((tag) => !gone.has(tag.id)) };
      });
    }
    return result;
  }

  /** After an import the codebook is read again: the report only counts. */
  async import(file: File): Promise<Result<CodebookImportReport>> {
    const projectId = this.state().projectId;
    if (!projectId) {
      return { ok: false, error: NOT_LOADED };
    }
    const result = await toResult(this.api.import(projectId, file));
    if (result.ok) {
      this.reload();
    }
    return result;
  }

  /** A plain download link: the browser streams the file. */
  exportUrl(projectId: string, format: CodebookFormat): string {
    return this.api.exportUrl(projectId, format);
  }

  private replace(updated: TagResponse): void {
    this.state.update((state) => ({ ...state, tags: state.tags.map((tag) => (tag.id === updated.id ? updated : tag)) }));
  }
}
