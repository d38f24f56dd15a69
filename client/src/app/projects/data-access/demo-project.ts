import type { ProjectResponse, ProjectRole } from '@tropa/contracts';

/** Mirrors the server's answer to POST /api/projects/demo (server/src/modules/demo/dto/demo.dto.ts). */
export interface CreateDemoRequest {
  /** Also create one account per other role with a generated password. */
  roleUsers: boolean;
}

/** A demo account; its password is in this answer only. */
export interface DemoUser {
  role: Exclude<ProjectRole, 'owner'>;
  email: string;
  displayName: string;
  password: string;
}

export interface DemoProjectResponse {
  project: ProjectResponse;
  users: DemoUser[];
  volumes: Record<string, number>;
  durationMs: number;
}
