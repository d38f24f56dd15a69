import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  InvitationPreviewResponse,
  LoginRequest,
  RegisterRequest,
  UpdateMeRequest,
  UserResponse,
} from '@tropa/contracts';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);

  /** Sets the XSRF-TOKEN cookie that every write must echo in X-XSRF-TOKEN. */
  csrf(): Observable<void> {
    return this.http.get<void>('/api/auth/csrf');
  }

  me(): Observable<UserResponse> {
    return this.http.get<UserResponse>('/api/auth/me');
  }

  updateMe(request: UpdateMeRequest): Observable<UserResponse> {
    return this.http.patch<UserResponse>('/api/auth/me', request);
  }

  login(request: LoginRequest): Observable<UserResponse> {
    return this.http.post<UserResponse>('/api/auth/login', request);
  }

  register(request: RegisterRequest): Observable<UserResponse> {
    return this.http.post<UserResponse>('/api/auth/register', request);
  }

  logout(): Observable<void> {
    return this.http.post<void>('/api/auth/logout', {});
  }

  invitation(token: string): Observable<InvitationPreviewResponse> {
    return this.http.get<InvitationPreviewResponse>(`/api/invitations/${encodeURIComponent(token)}`);
  }

  acceptInvitation(token: string): Observable<void> {
    return this.http.post<void>(`/api/invitations/${encodeURIComponent(token)}/accept`, {});
  }
}
