import type { ProjectRole } from '@tropa/contracts';
import { ApiClient } from '../api-client';
import type { TestApp } from '../create-test-app';

let sequence = 0;

export const TEST_PASSWORD = 'correct horse battery staple';

export function uniqueEmail(prefix = 'user'): string {
  sequence += 1;
  return `${prefix}${sequence}.${process.pid}@example.test`;
}

/** The instance's first user: may create projects. */
export async function firstUser(testApp: TestApp): Promise<ApiClient> {
  const client = await ApiClient.create(testApp);
  await client.register({ email: uniqueEmail('owner'), password: TEST_PASSWORD, displayName: 'Owner' });
  return client;
}

/** A new account added to the project by its owner with the given role, logged in. */
export async function memberWithRole(owner: ApiClient, projectId: string, role: ProjectRole): Promise<ApiClient> {
  const email = uniqueEmail(role);
  await owner.post(`/api/projects/${projectId}/members`, { email, role, password: TEST_PASSWORD, displayName: role }).expect(201);
  const client = await ApiClient.create(owner.app);
  await client.login(email, TEST_PASSWORD);
  return client;
}
