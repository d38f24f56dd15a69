import { Injectable, inject } from '@angular/core';
import type {
  CreatePersonaRequest,
  Page,
  PersonaListQuery,
  PersonaResponse,
  UpdatePersonaRequest,
} from '@tropa/contracts';
import { DEFAULT_PAGE_SIZE } from '@tropa/contracts';
import type { Observable } from 'rxjs';
import { PagedListStore } from '../../core/data-access/paged-list-store';
import { toResult } from '../../core/http/api-error';
import type { Result } from '../../core/http/api-error';
import { PersonasApi } from './personas-api';

@Injectable()
export class PersonasStore extends PagedListStore<PersonaResponse, PersonaListQuery> {
  private readonly api = inject(PersonasApi);
  private projectId = '';

  open(projectId: string): void {
    this.projectId = projectId;
    this.load();
  }

  protected initialQuery(): PersonaListQuery {
    return { page: 1, pageSize: DEFAULT_PAGE_SIZE, sort: 'name', order: 'asc' };
  }

  protected fetch(query: PersonaListQuery): Observable<Page<PersonaResponse>> {
    return this.api.list(this.projectId, query);
  }

  async create(request: CreatePersonaRequest): Promise<Result<PersonaResponse>> {
    const result = await toResult(this.api.create(this.projectId, request));
    if (result.ok) {
      this.setItems((items) => [...items, result.value], 1);
    }
    return result;
  }

  async update(personaId: string, request: UpdatePersonaRequest): Promise<Result<PersonaResponse>> {
    const result = await toResult(this.api.update(this.projectId, personaId, request));
    if (result.ok) {
      this.setItems((items) => items.map((persona) => (persona.id === personaId ? result.value : persona)));
    }
    return result;
  }

  async remove(personaId: string): Promise<Result<void>> {
    const result = await toResult(this.api.remove(this.projectId, personaId));
    if (result.ok) {
      this.setItems((items) => items.filter((persona) => persona.id !== personaId), -1);
    }
    return result;
  }
}
