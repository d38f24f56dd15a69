import { ApiClient } from '../../../test/api-client';
import { createTestApp, type TestApp } from '../../../test/create-test-app';
import { firstUser, TEST_PASSWORD, uniqueEmail } from '../../../test/factories/user.factory';
import { AuditLogEntity } from '../audit/audit-log.entity';
import { UserSessionEntity } from './user-session.entity';
import { UserEntity } from '../users/user.entity';

describe('auth', () => {
  let testApp: TestApp;
  let owner: ApiClient;

  beforeAll(async () => {
    testApp = await createTestApp();
    owner = await firstUser(testApp);
  });
  afterAll(() => testApp.close());

  const users = () => testApp.dataSource.getRepository(UserEntity).count();

  it('should let the first user create projects and keep them logged in when they register', async () => {
    const me = await owner.get('/api/auth/me').expect(200);
    expect(me.body).toMatchObject({ canCreateProjects: true, displayName: 'Owner' });
    expect(me.body).not.toHaveProperty('passwordHash');
  });

  it('should refuse a second registration when it has no invitation', async () => {
    const before = await users();
    const client = await ApiClient.create(testApp);
    const response = await client.post('/api/auth/register', { email: uniqueEmail(), password: TEST_PASSWORD, displayName: 'Eve' }).expect(403);
    expect(response.body.message).toMatch(/invitation/);
    expect(await users()).toBe(before);
  });

  it('should answer 409 naming the email when it is already registered', async () => {
    const client = await ApiClient.create(testApp);
    const email = owner.user?.email.toUpperCase();
    const response = await client.post('/api/auth/register', { email, password: TEST_PASSWORD, displayName: 'Twin' }).expect(409);
    expect(response.body).toMatchObject({ statusCode: 409, error: 'Conflict', details: [{ field: 'email' }] });
  });

  it.each([
    [{ email: 'not-an-email', password: TEST_PASSWORD, displayName: 'X' }, 'email'],
    [{ email: uniqueEmail(), password: 'short', displayName: 'X' }, 'password'],
    [{ email: uniqueEmail(), password: TEST_PASSWORD, displayName: 'x'.repeat(201) }, 'displayName'],
    [{ email: uniqueEmail(), password: TEST_PASSWORD, displayName: 42 }, 'displayName'],
    [{ email: uniqueEmail(), password: TEST_PASSWORD, displayName: 'X', isAdmin: true }, 'isAdmin'],
  ])('should answer 400 naming the field when registration has %j', async (body, field) => {
    const before = await users();
    const client = await ApiClient.create(testApp);
    const response = await client.post('/api/auth/register', body).expect(400);
    expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(await users()).toBe(before);
  });

  it('should accept a long passphrase when registering with an invitation', async () => {
    const project = await owner.createProject();
    const email = uniqueEmail('long');
    const invited = await owner.post(`/api/projects/${project.id}/members`, { email, role: 'researcher' }).expect(201);
    const client = await ApiClient.create(testApp);
    const password = 'слово '.repeat(150);
    await client.register({ email, password, displayName: 'Long', invitationToken: invited.body.invitation.token });
    const again = await ApiClient.create(testApp);
    await again.login(email, password);
  });

  it('should give the same answer for a wrong password and an unknown email, and audit both', async () => {
    const client = await ApiClient.create(testApp);
    const wrongPassword = await client.post('/api/auth/login', { email: owner.user?.email, password: 'wrong password' }).expect(401);
    const unknownEmail = await client.post('/api/auth/login', { email: uniqueEmail('ghost'), password: 'wrong password' }).expect(401);
    expect(wrongPassword.body).toEqual(unknownEmail.body);
    expect(wrongPassword.body.message).toBe('Invalid email or password');
    const failures = await testApp.dataSource.getRepository(AuditLogEntity).countBy({ action: 'auth.login_failed' });
    expect(failures).toBeGreaterThanOrEqual(2);
  });

  it('should set an HttpOnly SameSite session cookie and audit the login', async () => {
    const client = await ApiClient.create(testApp);
    const response = await client.post('/api/auth/login', { email: owner.user?.email, password: TEST_PASSWORD }).expect(200);
    const cookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((value) => value.startsWith('tropa_session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const logins = await testApp.dataSource.getRepository(AuditLogEntity).countBy({ action: 'auth.login', actorId: owner.user?.id });
    expect(logins).toBeGreaterThanOrEqual(1);
  });

  it('should answer 401 when there is no session', async () => {
    const client = await ApiClient.create(testApp);
    const response = await client.get('/api/auth/me').expect(401);
    expect(response.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Please log in' });
  });

  it('should answer 401 when the session has expired', async () => {
    const client = await ApiClient.create(testApp);
    const user = await client.login(owner.user?.email ?? '', TEST_PASSWORD);
    await testApp.dataSource.getRepository(UserSessionEntity).update({ userId: user.id }, { expiresAt: new Date(Date.now() - 1000) });
    const response = await client.get('/api/auth/me').expect(401);
    expect(response.body.message).toMatch(/expired/);
    await owner.login(owner.user?.email ?? '', TEST_PASSWORD);
  });

  it('should end the session when the user logs out', async () => {
    const client = await ApiClient.create(testApp);
    await client.login(owner.user?.email ?? '', TEST_PASSWORD);
    await client.post('/api/auth/logout').expect(204);
    await client.get('/api/auth/me').expect(401);
  });

  it('should refuse a state-changing request without the CSRF header and change nothing', async () => {
    const projectsBefore = await testApp.dataSource.query('SELECT count(*)::int AS n FROM projects');
    const response = await owner.postWithoutCsrf('/api/projects', { name: 'Forged', language: 'en', stageTemplate: 'four' }).expect(403);
    expect(response.body.message).toMatch(/CSRF/);
    expect(response.body.details[0].field).toBe('X-XSRF-TOKEN');
    const projectsAfter = await testApp.dataSource.query('SELECT count(*)::int AS n FROM projects');
    expect(projectsAfter).toEqual(projectsBefore);
  });

  it('should remember the interface language when the user changes it', async () => {
    await owner.patch('/api/auth/me', { locale: 'en' }).expect(200);
    expect((await owner.get('/api/auth/me').expect(200)).body.locale).toBe('en');
    const response = await owner.patch('/api/auth/me', { locale: 'de' }).expect(400);
    expect(response.body.details[0].field).toBe('locale');
  });
});

describe('auth rate limiting', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp({ TROPA_AUTH_RATE_LIMIT: '3' });
  });
  afterAll(() => testApp.close());

  it('should answer 429 when login is attempted too often', async () => {
    const client = await ApiClient.create(testApp);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      statuses.push((await client.post('/api/auth/login', { email: 'x@example.test', password: 'whatever1' })).status);
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    await client.get('/api/health').expect(200);
  });
});
