import { ApiClient } from '../../../test/api-client';
import { createTestApp, type TestApp } from '../../../test/create-test-app';
import { firstUser, memberWithRole, TEST_PASSWORD, uniqueEmail } from '../../../test/factories/user.factory';
import { AuditLogEntity } from '../audit/audit-log.entity';

describe('members and invitations', () => {
  let testApp: TestApp;
  let owner: ApiClient;
  let projectId: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    owner = await firstUser(testApp);
    projectId = (await owner.createProject()).id;
  });
  afterAll(() => testApp.close());

  const members = (path = '') => `/api/projects/${projectId}/members${path}`;

  it('should create an account with a role when the owner sets a password', async () => {
    const email = uniqueEmail('created');
    const response = await owner.post(members(), { email, role: 'moderator', password: TEST_PASSWORD, displayName: 'Mod' }).expect(201);
    expect(response.body).toMatchObject({ member: { email, role: 'moderator', displayName: 'Mod' }, invitation: null });
    const moderator = await ApiClient.create(testApp);
    const me = await moderator.login(email, TEST_PASSWORD);
    expect(me.canCreateProjects).toBe(false);
    const list = await moderator.get('/api/projects').expect(200);
    expect(list.body.items.map((project: { myRole: string }) => project.myRole)).toEqual(['moderator']);
  });

  it('should issue an invitation that lets the invitee register and join with its role', async () => {
    const email = uniqueEmail('invitee');
    const created = await owner.post(members(), { email, role: 'strategist' }).expect(201);
    expect(created.body.member).toBeNull();
    const token: string = created.body.invitation.token;
    const anonymous = await ApiClient.create(testApp);
    const preview = await anonymous.get(`/api/invitations/${token}`).expect(200);
    expect(preview.body).toMatchObject({ email, role: 'strategist', projectName: 'Косметика онлайн' });

    const wrongEmail = await anonymous.post('/api/auth/register', { email: uniqueEmail(), password: TEST_PASSWORD, displayName: 'S', invitationToken: token }).expect(400);
    expect(wrongEmail.body.details[0].field).toBe('email');

    await anonymous.register({ email, password: TEST_PASSWORD, displayName: 'Strategist', invitationToken: token });
    const project = await anonymous.get(`/api/projects/${projectId}`).expect(200);
    expect(project.body.myRole).toBe('strategist');
    await anonymous.get(`/api/invitations/${token}`).expect(410);
    const pending = await owner.get(`/api/projects/${projectId}/invitations`).expect(200);
    expect(pending.body.items.map((item: { email: string }) => item.email)).not.toContain(email);
  });

  it('should add an existing user at once when the owner adds their email', async () => {
    const other = await memberWithRole(owner, projectId, 'researcher');
    const otherProject = await owner.createProject({ name: 'Second' });
    const added = await owner.post(`/api/projects/${otherProject.id}/members`, { email: other.user?.email.toUpperCase(), role: 'moderator' }).expect(201);
    expect(added.body).toMatchObject({ member: { role: 'moderator' }, invitation: null });
    await other.get(`/api/projects/${otherProject.id}`).expect(200);
  });

  it('should let a logged-in user accept a second invitation sent to their email', async () => {
    const email = uniqueEmail('twice');
    const first = await owner.post(members(), { email, role: 'moderator' }).expect(201);
    const thirdProject = await owner.createProject({ name: 'Third' });
    const second = await owner.post(`/api/projects/${thirdProject.id}/members`, { email, role: 'strategist' }).expect(201);
    const invitee = await ApiClient.create(testApp);
    await invitee.register({ email, password: TEST_PASSWORD, displayName: 'Twice', invitationToken: first.body.invitation.token });
    await invitee.get(`/api/projects/${thirdProject.id}`).expect(404);
    await invitee.post(`/api/invitations/${second.body.invitation.token}/accept`).expect(204);
    expect((await invitee.get(`/api/projects/${thirdProject.id}`).expect(200)).body.myRole).toBe('strategist');
    const stranger = await memberWithRole(owner, projectId, 'researcher');
    const third = await owner.post(`/api/projects/${thirdProject.id}/members`, { email: uniqueEmail('someone'), role: 'owner' }).expect(201);
    await stranger.post(`/api/invitations/${third.body.invitation.token}/accept`).expect(403);
    await stranger.get(`/api/projects/${thirdProject.id}`).expect(404);
  });

  it('should answer 409 when the person is already a member', async () => {
    const response = await owner.post(members(), { email: owner.user?.email, role: 'researcher' }).expect(409);
    expect(response.body.details[0].field).toBe('email');
  });

  it('should change a role and audit who changed it', async () => {
    const researcher = await memberWithRole(owner, projectId, 'researcher');
    const userId = researcher.user?.id;
    const response = await owner.patch(members(`/${userId}`), { role: 'strategist' }).expect(200);
    expect(response.body.role).toBe('strategist');
    const audit = await testApp.dataSource.getRepository(AuditLogEntity).findOneByOrFail({ action: 'member.role_change', projectId });
    expect(audit).toMatchObject({ actorId: owner.user?.id, details: { from: 'researcher', to: 'strategist' } });
    const ownerView = await owner.get(`/api/projects/${projectId}/audit?action=member.role_change`).expect(200);
    expect(ownerView.body.items).toHaveLength(1);
  });

  it('should keep at least one owner when the last owner is demoted or removed', async () => {
    const ownerId = owner.user?.id;
    const demote = await owner.patch(members(`/${ownerId}`), { role: 'researcher' }).expect(409);
    expect(demote.body.details[0].field).toBe('role');
    await owner.delete(members(`/${ownerId}`)).expect(409);
    const list = await owner.get(members('?role=owner')).expect(200);
    expect(list.body.total).toBe(1);
  });

  it('should remove a member who then no longer sees the project', async () => {
    const moderator = await memberWithRole(owner, projectId, 'moderator');
    await owner.delete(members(`/${moderator.user?.id}`)).expect(204);
    await moderator.get(`/api/projects/${projectId}`).expect(404);
    expect(await testApp.dataSource.getRepository(AuditLogEntity).countBy({ action: 'member.remove', projectId })).toBe(1);
  });

  it('should answer 400 naming the field when the role is unknown', async () => {
    const response = await owner.post(members(), { email: uniqueEmail(), role: 'admin' }).expect(400);
    expect(response.body.details[0]).toMatchObject({ field: 'role' });
  });

  it('should revoke a pending invitation', async () => {
    const created = await owner.post(members(), { email: uniqueEmail('revoked'), role: 'moderator' }).expect(201);
    await owner.delete(`/api/projects/${projectId}/invitations/${created.body.invitation.id}`).expect(204);
    const anonymous = await ApiClient.create(testApp);
    await anonymous.get(`/api/invitations/${created.body.invitation.token}`).expect(404);
  });

  it('should list members with paging, search and sorting', async () => {
    const page = await owner.get(members('?pageSize=2&sort=email&order=asc')).expect(200);
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBeGreaterThan(2);
    const emails = page.body.items.map((item: { email: string }) => item.email);
    expect([...emails].sort()).toEqual(emails);
    const bad = await owner.get(members('?sort=password')).expect(400);
    expect(bad.body.details[0].field).toBe('sort');
  });
});
