import { Injectable, inject } from '@angular/core';
import type {
  AddMemberRequest,
  AddMemberResponse,
  MemberListQuery,
  MemberResponse,
  Page,
  ProjectRole,
} from '@tropa/contracts';
import { DEFAULT_PAGE_SIZE } from '@tropa/contracts';
import type { Observable } from 'rxjs';
import { PagedListStore } from '../../core/data-access/paged-list-store';
import { toResult } from '../../core/http/api-error';
import type { Result } from '../../core/http/api-error';
import { MembersApi } from './members-api';

@Injectable()
export class MembersStore extends PagedListStore<MemberResponse, MemberListQuery> {
  private readonly api = inject(MembersApi);
  private projectId = '';

  open(projectId: string): void {
    this.projectId = projectId;
    this.load();
  }

  protected initialQuery(): MemberListQuery {
    return { page: 1, pageSize: DEFAULT_PAGE_SIZE, sort: 'joinedAt', order: 'asc' };
  }

  protected fetch(query: MemberListQuery): Observable<Page<MemberResponse>> {
    return this.api.list(this.projectId, query);
  }

  /** Adds an existing user, creates one with a password, or issues an invitation. */
  async add(request: AddMemberRequest): Promise<Result<AddMemberResponse>> {
    const result = await toResult(this.api.add(this.projectId, request));
    if (result.ok && result.value.member) {
      this.reload();
    }
    return result;
  }

  async changeRole(userId: string, role: ProjectRole): Promise<Result<MemberResponse>> {
    const result = await toResult(this.api.update(this.projectId, userId, { role }));
    if (result.ok) {
      this.setItems((items) => items.map((member) => (member.userId === userId ? result.value : member)));
    }
    return result;
  }

  async remove(userId: string): Promise<Result<void>> {
    const result = await toResult(this.api.remove(this.projectId, userId));
    if (result.ok) {
      this.setItems((items) => items.filter((member) => member.userId !== userId), -1);
    }
    return result;
  }
}
