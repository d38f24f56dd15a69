import { Injectable, inject } from '@angular/core';
import type { InvitationResponse, Page, PageQuery } from '@tropa/contracts';
import { DEFAULT_PAGE_SIZE } from '@tropa/contracts';
import type { Observable } from 'rxjs';
import { PagedListStore } from '../../core/data-access/paged-list-store';
import { toResult } from '../../core/http/api-error';
import type { Result } from '../../core/http/api-error';
import { MembersApi } from './members-api';

/** Pending invitations of a project (owner only). */
@Injectable()
export class InvitationsStore extends PagedListStore<InvitationResponse, PageQuery> {
  private readonly api = inject(MembersApi);
  private projectId = '';

  open(projectId: string): void {
    this.projectId = projectId;
    this.load();
  }

  protected initialQuery(): PageQuery {
    return { page: 1, pageSize: DEFAULT_PAGE_SIZE };
  }

  protected fetch(query: PageQuery): Observable<Page<InvitationResponse>> {
    return this.api.invitations(this.projectId, query);
  }

  async revoke(invitationId: string): Promise<Result<void>> {
    const result = await toResult(this.api.revokeInvitation(this.projectId, invitationId));
    if (result.ok) {
      this.setItems((items) => items.filter((invitation) => invitation.id !== invitationId), -1);
    }
    return result;
  }
}
