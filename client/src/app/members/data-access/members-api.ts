import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AddMemberRequest,
  AddMemberResponse,
  InvitationResponse,
  MemberListQuery,
  MemberResponse,
  Page,
  PageQuery,
  UpdateMemberRequest,
} from '@tropa/contracts';
import type { Observable } from 'rxjs';
import { toHttpParams } from '../../core/http/http-params';

@Injectable({ providedIn: 'root' })
export class MembersApi {
  private readonly http = inject(HttpClient);

  list(projectId: string, query: MemberListQuery): Observable<Page<MemberResponse>> {
    return this.http.get<Page<MemberResponse>>(`/api/projects/${projectId}/members`, { params: toHttpParams(query) });
  }

  add(projectId: string, request: AddMemberRequest): Observable<AddMemberResponse> {
    return this.http.post<AddMemberResponse>(`/api/projects/${projectId}/members`, request);
  }

  update(projectId: string, userId: string, request: UpdateMemberRequest): Observable<MemberResponse> {
    return this.http.patch<MemberResponse>(`/api/projects/${projectId}/members/${userId}`, request);
  }

  remove(projectId: string, userId: string): Observable<void> {
    return this.http.delete<void>(`/api/projects/${projectId}/members/${userId}`);
  }

  invitations(projectId: string, query: PageQuery): Observable<Page<InvitationResponse>> {
    return this.http.get<Page<InvitationResponse>>(`/api/projects/${projectId}/invitations`, {
      params: toHttpParams(query),
    });
  }

  revokeInvitation(projectId: string, invitationId: string): Observable<void> {
    return this.http.delete<void>(`/api/projects/${projectId}/invitations/${invitationId}`);
  }
}
