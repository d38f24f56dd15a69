import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreatePersonaRequest,
  Page,
  PersonaListQuery,
  PersonaResponse,
  UpdatePersonaRequest,
} from '@tropa/contracts';
import type { Observable } from 'rxjs';
import { toHttpParams } from '../../core/http/http-params';

@Injectable({ providedIn: 'root' })
export class PersonasApi {
  private readonly http = inject(HttpClient);

  list(projectId: string, query: PersonaListQuery): Observable<Page<PersonaResponse>> {
    return this.http.get<Page<PersonaResponse>>(`/api/projects/${projectId}/personas`, { params: toHttpParams(query) });
  }

  create(projectId: string, request: CreatePersonaRequest): Observable<PersonaResponse> {
    return this.http.post<PersonaResponse>(`/api/projects/${projectId}/personas`, request);
  }

  update(projectId: string, personaId: string, request: UpdatePersonaRequest): Observable<PersonaResponse> {
    return this.http.patch<PersonaResponse>(`/api/projects/${projectId}/personas/${personaId}`, request);
  }

  remove(projectId: string, personaId: string): Observable<void> {
    return this.http.delete<void>(`/api/projects/${projectId}/personas/${personaId}`);
  }
}
