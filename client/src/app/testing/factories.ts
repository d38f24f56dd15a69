import type {
  ApiError,
  Page,
  ProjectResponse,
  StageResponse,
  UserResponse,
} from '@tropa/contracts';

/** Small builders of API responses for client unit tests. */
export function aUser(overrides: Partial<UserResponse> = {}): UserResponse {
  return {
    id: 'user-1',
    email: 'anna@example.com',
    displayName: 'Anna',
    locale: 'en',
    canCreateProjects: true,
    ...overrides,
  };
}

export function aProject(overrides: Partial<ProjectResponse> = {}): ProjectResponse {
  return {
    id: 'project-1',
    name: 'Coffee shop',
    description: '',
    language: 'en',
    stageTemplate: 'seven',
    myRole: 'owner',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-02T00:00:00.000Z',
    ...overrides,
  };
}

export function someStages(names: string[]): StageResponse[] {
  return names.map((name, position) => ({ id: `stage-${position + 1}`, name, description: '', position }));
}

export function aPage<T>(items: T[], overrides: Partial<Page<T>> = {}): Page<T> {
  return { items, total: items.length, page: 1, pageSize: 25, ...overrides };
}

export function anApiError(overrides: Partial<ApiError> = {}): ApiError {
  return { statusCode: 400, error: 'Bad Request', message: 'Validation failed', ...overrides };
}
