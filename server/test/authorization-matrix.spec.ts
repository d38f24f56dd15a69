import type { ProjectRole } from '@tropa/contracts';
import { ApiClient } from './api-client';
import { createTestApp, type TestApp } from './create-test-app';
import { firstUser, memberWithRole, TEST_PASSWORD } from './factories/user.factory';

/**
 * Every route × every role (and anonymous) × own / foreign project, compared
 * with the policy table below. A route without a policy fails the test, so a new
 * route cannot ship without deciding who may call it.
 */
type Policy = { kind: 'public' } | { kind: 'user' } | { kind: 'project'; roles: ProjectRole[] };

const ALL: ProjectRole[] = ['owner', 'researcher', 'moderator', 'strategist'];
const EDITORS: ProjectRole[] = ['owner', 'researcher'];
const OWNER: ProjectRole[] = ['owner'];
/** Sessions, transcripts and coding: moderators too. */
const SESSION_EDITORS: ProjectRole[] = ['owner', 'researcher', 'moderator'];
/** The journey map: strategists review it with researchers and owners. */
const REVIEWERS: ProjectRole[] = ['owner', 'researcher', 'strategist'];

const POLICY: Record<string, Policy> = {
  'GET /api/health': { kind: 'public' },
  'GET /api/auth/csrf': { kind: 'public' },
  'POST /api/auth/register': { kind: 'public' },
  'POST /api/auth/login': { kind: 'public' },
  'POST /api/auth/logout': { kind: 'user' },
  'GET /api/auth/me': { kind: 'user' },
  'PATCH /api/auth/me': { kind: 'user' },
  'GET /api/invitations/:token': { kind: 'public' },
  'POST /api/invitations/:token/accept': { kind: 'user' },
  'GET /api/projects': { kind: 'user' },
  'POST /api/projects': { kind: 'user' },
  'POST /api/projects/demo': { kind: 'user' },
  'GET /api/projects/:projectId': { kind: 'project', roles: ALL },
  'PATCH /api/projects/:projectId': { kind: 'project', roles: OWNER },
  'DELETE /api/projects/:projectId': { kind: 'project', roles: OWNER },
  'GET /api/projects/:projectId/stages': { kind: 'project', roles: ALL },
  'POST /api/projects/:projectId/stages': { kind: 'project', roles: EDITORS },
  'PUT /api/projects/:projectId/stages/order': { kind: 'project', roles: EDITORS },
  'PATCH /api/projects/:projectId/stages/:stageId': { kind: 'project', roles: EDITORS },
  'DELETE /api/projects/:projectId/stages/:stageId': { kind: 'project', roles: EDITORS },
  'GET /api/projects/:projectId/personas': { kind: 'project', roles: ALL },
  'POST /api/projects/:projectId/personas': { kind: 'project', roles: EDITORS },
  'PATCH /api/projects/:projectId/personas/:personaId': { kind: 'project', roles: EDITORS },
  'DELETE /api/projects/:projectId/personas/:personaId': { kind: 'project', roles: EDITORS },
  'GET /api/projects/:projectId/touchpoints': { kind: 'project', roles: ALL },
  'POST /api/projects/:projectId/touchpoints': { kind: 'project', roles: EDITORS },
  'PATCH /api/projects/:projectId/touchpoints/:touchpointId': { kind: 'project', roles: EDITORS },
  'DELETE /api/projects/:projectId/touchpoints/:touchpointId': { kind: 'project', roles: EDITORS },
  'GET /api/projects/:projectId/members': { kind: 'project', roles: ALL },
  'POST /api/projects/:projectId/members': { kind: 'project', roles: OWNER },
  'PATCH /api/projects/:projectId/members/:userId': { kind: 'project', roles: OWNER },
  'DELETE /api/projects/:projectId/members/:userId': { kind: 'project', roles: OWNER },
  'GET /api/projects/:projectId/invitations': { kind: 'project', roles: OWNER },
  'DELETE /api/projects/:projectId/invitations/:invitationId': { kind: 'project', roles: OWNER },
  'GET /api/projects/:projectId/audit': { kind: 'project', roles: OWNER },
  'GET /api/projects/:projectId/surveys': { kind: 'project', roles: ALL },
  'POST /api/projects/:projectId/surveys': { kind: 'project', roles: EDITORS },
  'GET /api/projects/:projectId/surveys/:surveyId': { kind: 'project', roles: ALL },
  'PATCH /api/projects/:projectId/surveys/:surveyId': { kind: 'project', roles: EDITORS },
  'DELETE /api/projects/:projectId/surveys/:surveyId': { kind: 'project', roles: EDITORS },
  'PUT /api/projects/:projectId/surveys/:surveyId/mappings': { kind: 'project', roles: EDITORS },
  'GET /api/projects/:projectId/surveys/:surveyId/responses': { kind: 'project', roles: ALL },
  'GET /api/projects/:projectId/surveys/:surveyId/responses/:responseId': { kind: 'project', roles: ALL },
  'DELETE /api/projects/:projectId/surveys/:surveyId/responses/:responseId': { kind: 'project', roles: EDITORS },
  'POST /api/projects/:projectId/surveys/:surveyId/responses/:responseId/erase': { kind: 'project', roles: EDITORS },
  'GET /api/projects/:projectId/surveys/:surveyId/summary': { kind: 'project', roles: ALL },
  'GET /api/projects/:projectId/surveys/:surveyId/export': { kind: 'project', roles: ALL },
  'GET /api/projects/:projectId/jobs/:jobId': { kind: 'project', roles: ALL },
  'POST /api/projects/:projectId/surveys/:surveyId/imports': { kind: 'project', roles: EDITORS },
  'GET /api/projects/:projectId/surveys/:surveyId/imports': { kind: 'project', roles: ALL },
  'GET /api/projects/:projectId/surveys/:surveyId/imports/:importId': { kind: 'project', roles: ALL },
  'POST /api/projects/:projectId/surveys/:surveyId/imports/:importId/run': { kind: 'project', roles: EDITORS },
  'GET /api/projects/:projectId/sessions': { kind: 'project', roles: ALL },
  'POST /api/projects/:projectId/sessions': { kind: 'project', roles: SESSION_EDITORS },
  'GET /api/projects/:projectId/sessions/:sessionId': { kind: 'project', roles: ALL },
  'PATCH /api/projects/:projectId/sessions/:sessionId': { kind: 'project', roles: SESSION_EDITORS },
  'DELETE /api/projects/:projectId/sessions/:sessionId': { kind: 'project', roles: SESSION_EDITORS },
  'GET /api/projects/:projectId/sessions/:sessionId/participants': { kind: 'project', roles: ALL },
  'POST /api/projects/:projectId/sessions/:sessionId/participants': { kind: 'project', roles: SESSION_EDITORS },
  'PATCH /api/projects/:projectId/sessions/:sessionId/participants/:participantId': { kind: 'project', roles: SESSION_EDITORS },
  'DELETE /api/projects/:projectId/sessions/:sessionId/participants/:participantId': { kind: 'project', roles: SESSION_EDITORS },
  'POST /api/projects/:projectId/sessions/:sessionId/participants/:participantId/erase': { kind: 'project', roles: EDITORS },
  'POST /api/projects/:projectId/sessions/:sessionId/transcript/preview': { kind: 'project', roles: SESSION_EDITORS },
  'POST /api/projects/:projectId/sessions/:sessionId/transcript': { kind: 'project', roles: SESSION_EDITORS },
  'GET /api/projects/:projectId/sessions/:sessionId/utterances': { kind: 'project', roles: ALL },
  'GET /api/projects/:projectId/sessions/:sessionId/agreement': { kind: 'project', roles: ALL },
  'POST /api/projects/:projectId/sessions/:sessionId/agreement/settle': { kind: 'project', roles: SESSION_EDITORS },
  'GET /api/projects/:projectId/tags': { kind: 'project', roles: ALL },
  'POST /api/projects/:projectId/tags': { kind: 'project', roles: SESSION_EDITORS },
  'GET /api/projects/:projectId/tags/:tagId': { kind: 'project', roles: ALL },
  'PATCH /api/projects/:projectId/tags/:tagId': { kind: 'project', roles: SESSION_EDITORS },
  'DELETE /api/projects/:projectId/tags/:tagId': { kind: 'project', roles: SESSION_EDITORS },
  'POST /api/projects/:projectId/tags/:tagId/merge': { kind: 'project', roles: SESSION_EDITORS },
  'GET /api/projects/:projectId/tags/export': { kind: 'project', roles: ALL },
  'POST /api/projects/:projectId/tags/import': { kind: 'project', roles: SESSION_EDITORS },
  'POST /api/projects/:projectId/quotes/bulk-tags': { kind: 'project', roles: SESSION_EDITORS },
  'GET /api/projects/:projectId/quotes': { kind: 'project', roles: ALL },
  'POST /api/projects/:projectId/quotes': { kind: 'project', roles: SESSION_EDITORS },
  'PATCH /api/projects/:projectId/quotes/:quoteId': { kind: 'project', roles: SESSION_EDITORS },
  'DELETE /api/projects/:projectId/quotes/:quoteId': { kind: 'project', roles: SESSION_EDITORS },
  'POST /api/projects/:projectId/quotes/:quoteId/tags': { kind: 'project', roles: SESSION_EDITORS },
  'DELETE /api/projects/:projectId/quotes/:quoteId/tags/:tagId': { kind: 'project', roles: SESSION_EDITORS },
  'POST /api/projects/:projectId/synthesis/runs': { kind: 'project', roles: EDITORS },
  'GET /api/projects/:projectId/synthesis/runs': { kind: 'project', roles: ALL },
  'GET /api/projects/:projectId/synthesis/runs/:runId': { kind: 'project', roles: ALL },
  'POST /api/projects/:projectId/synthesis/runs/:runId/cancel': { kind: 'project', roles: EDITORS },
  'POST /api/projects/:projectId/synthesis/runs/:runId/retry': { kind: 'project', roles: EDITORS },
  'GET /api/projects/:projectId/synthesis/runs/:runId/compare': { kind: 'project', roles: ALL },
  'GET /api/projects/:projectId/synthesis/runs/:runId/clusters': { kind: 'project', roles: ALL },
  'GET /api/projects/:projectId/synthesis/clusters/:clusterId': { kind: 'project', roles: ALL },
  'GET /api/projects/:projectId/synthesis/clusters/:clusterId/quotes': { kind: 'project', roles: ALL },
  'PATCH /api/projects/:projectId/synthesis/clusters/:clusterId': { kind: 'project', roles: REVIEWERS },
  'POST /api/projects/:projectId/synthesis/clusters/:clusterId/accept': { kind: 'project', roles: REVIEWERS },
  'POST /api/projects/:projectId/synthesis/clusters/:clusterId/discard': { kind: 'project', roles: REVIEWERS },
  'POST /api/projects/:projectId/synthesis/clusters/:clusterId/merge': { kind: 'project', roles: REVIEWERS },
  'POST /api/projects/:projectId/synthesis/clusters/:clusterId/split': { kind: 'project', roles: REVIEWERS },
  'POST /api/projects/:projectId/synthesis/clusters/:clusterId/move': { kind: 'project', roles: REVIEWERS },
  'GET /api/projects/:projectId/jtbd': { kind: 'project', roles: ALL },
  'GET /api/projects/:projectId/jtbd/:jobId': { kind: 'project', roles: ALL },
  'PATCH /api/projects/:projectId/jtbd/:jobId': { kind: 'project', roles: REVIEWERS },
  'GET /api/projects/:projectId/jtbd/:jobId/quotes': { kind: 'project', roles: ALL },
  'GET /api/projects/:projectId/map': { kind: 'project', roles: ALL },
  'POST /api/projects/:projectId/map/assemble': { kind: 'project', roles: REVIEWERS },
  'GET /api/projects/:projectId/map/findings/:findingId/evidence': { kind: 'project', roles: ALL },
  'POST /api/projects/:projectId/map/findings/:findingId/review': { kind: 'project', roles: REVIEWERS },
  'GET /api/projects/:projectId/map/findings/:findingId/comments': { kind: 'project', roles: ALL },
  'POST /api/projects/:projectId/map/findings/:findingId/comments': { kind: 'project', roles: REVIEWERS },
  'POST /api/projects/:projectId/map/notes': { kind: 'project', roles: REVIEWERS },
  'DELETE /api/projects/:projectId/map/notes/:noteId': { kind: 'project', roles: REVIEWERS },
  'GET /api/projects/:projectId/map/recommendations': { kind: 'project', roles: ALL },
  'POST /api/projects/:projectId/map/recommendations': { kind: 'project', roles: REVIEWERS },
  'PATCH /api/projects/:projectId/map/recommendations/:recommendationId': { kind: 'project', roles: REVIEWERS },
  'DELETE /api/projects/:projectId/map/recommendations/:recommendationId': { kind: 'project', roles: REVIEWERS },
  'POST /api/projects/:projectId/map/what-if': { kind: 'project', roles: ALL },
  'POST /api/projects/:projectId/map/versions': { kind: 'project', roles: REVIEWERS },
  'GET /api/projects/:projectId/map/versions': { kind: 'project', roles: ALL },
  'GET /api/projects/:projectId/map/versions/:versionId': { kind: 'project', roles: ALL },
  'PATCH /api/projects/:projectId/map/versions/:versionId': { kind: 'project', roles: REVIEWERS },
  'GET /api/projects/:projectId/map/diff': { kind: 'project', roles: ALL },
  'GET /api/projects/:projectId/map/export': { kind: 'project', roles: ALL },
  'GET /api/projects/:projectId/metrics': { kind: 'project', roles: ALL },
  'PUT /api/projects/:projectId/metrics': { kind: 'project', roles: REVIEWERS },
  'DELETE /api/projects/:projectId/metrics/:metricId': { kind: 'project', roles: REVIEWERS },
  'POST /api/projects/:projectId/metrics/events': { kind: 'project', roles: EDITORS },
  'GET /api/public/surveys/:token': { kind: 'public' },
  'POST /api/public/surveys/:token/responses': { kind: 'public' },
};

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

function discoverRoutes(testApp: TestApp): string[] {
  const express = testApp.app.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } };
  return express.router.stack
    .filter((layer) => layer.route)
    .flatMap((layer) =>
      Object.keys(layer.route?.methods ?? {})
        .filter((method) => method !== '_all')
        .map((method) => `${method.toUpperCase()} ${layer.route?.path}`),
    )
    .filter((route) => route.includes(' /api/') && !route.includes('/api/docs'));
}

/** Ids that do not exist: the route's own lookup answers (e.g. "Stage not found"), never the guard. */
const MISSING = '00000000-0000-4000-8000-000000000000';

function fill(route: string, projectId: string): { method: string; path: string } {
  const [method, pattern] = route.split(' ');
  const path = pattern
    .replace(':projectId', projectId)
    .replace(/:(stageId|personaId|touchpointId|userId|invitationId|surveyId|jobId|sessionId|quoteId)/, MISSING)
    .replace(':tagId', MISSING)
    .replace(':participantId', MISSING)
    .replace(':importId', MISSING)
    .replace(':responseId', MISSING)
    .replace(':token', 'no-such-invitation-token');
  return { method, path };
}

async function call(client: ApiClient, method: string, path: string) {
  switch (method) {
    case 'GET':
      return client.get(path);
    case 'POST':
      return client.post(path, {});
    case 'PATCH':
      return client.patch(path, {});
    case 'PUT':
      return client.put(path, {});
    case 'DELETE':
      return client.delete(path);
    default:
      throw new Error(`unexpected method ${method}`);
  }
}

type Outcome = 'allowed' | 'unauthenticated' | 'forbidden' | 'hidden';

function outcomeOf(status: number, message: unknown): Outcome {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404 && message === 'Project not found') return 'hidden';
  return 'allowed';
}

describe('authorisation matrix', () => {
  let testApp: TestApp;
  const clients = {} as Record<ProjectRole | 'anonymous', ApiClient>;
  let ownProject: string;
  let foreignProject: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    clients.owner = await firstUser(testApp);
    ownProject = (await clients.owner.createProject({ name: 'Own' })).id;
    for (const role of ['researcher', 'moderator', 'strategist'] as const) clients[role] = await memberWithRole(clients.owner, ownProject, role);
    clients.anonymous = await ApiClient.create(testApp);
    // A project none of the clients belongs to: handed to another owner, then left.
    const outsiderHome = (await clients.owner.createProject({ name: 'Outsider home' })).id;
    const outsider = await memberWithRole(clients.owner, outsiderHome, 'owner');
    await clients.owner.delete(`/api/projects/${outsiderHome}/members/${clients.owner.user?.id}`).expect(204);
    await outsider.get(`/api/projects/${outsiderHome}`).expect(200);
    foreignProject = outsiderHome;
  });
  afterAll(() => testApp.close());

  it('should have a policy for every route and a route for every policy', () => {
    const routes = discoverRoutes(testApp).sort();
    expect(routes).toEqual(Object.keys(POLICY).sort());
  });

  it('should match the policy table for every role, route and project', async () => {
    const mismatches: string[] = [];
    for (const route of Object.keys(POLICY)) {
      const policy = POLICY[route];
      for (const who of ['anonymous', ...ALL] as const) {
        const targets: Array<['own' | 'foreign', string]> = policy.kind === 'project' ? [['own', ownProject], ['foreign', foreignProject]] : [['own', ownProject]];
        for (const [where, projectId] of targets) {
          let target = projectId;
          if (route === 'DELETE /api/projects/:projectId' && where === 'own') {
            // Deleting is real: give each role a project of its own to try it on.
            target = (await clients.owner.createProject({ name: `Delete by ${who}` })).id;
            if (who !== 'owner' && who !== 'anonymous') {
              const user = clients[who].user;
              await clients.owner.post(`/api/projects/${target}/members`, { email: user?.email, role: who }).expect(201);
            }
          }
          const { method, path } = fill(route, target);
          const response = await call(clients[who], method, path);
          if (route === 'POST /api/auth/logout' && who !== 'anonymous') await clients[who].login(clients[who].user?.email ?? '', TEST_PASSWORD);
          const actual = outcomeOf(response.status, response.body?.message);
          let expected: Outcome;
          if (policy.kind === 'public') expected = 'allowed';
          else if (who === 'anonymous') expected = 'unauthenticated';
          else if (policy.kind === 'user') expected = 'allowed';
          else if (where === 'foreign') expected = 'hidden';
          else expected = policy.roles.includes(who) ? 'allowed' : 'forbidden';
          if (actual !== expected) mismatches.push(`${who} ${where} ${route}: expected ${expected}, got ${actual} (${response.status})`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  }, 180_000);
});
