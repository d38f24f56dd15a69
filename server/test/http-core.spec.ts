import request from 'supertest';
import { ApiClient } from './api-client';
import { createTestApp, type TestApp } from './create-test-app';
import { firstUser } from './factories/user.factory';

describe('HTTP core', () => {
  let testApp: TestApp;
  let owner: ApiClient;

  beforeAll(async () => {
    testApp = await createTestApp();
    owner = await firstUser(testApp);
  });
  afterAll(() => testApp.close());

  it('should report the database as up when it answers', async () => {
    const response = await request(testApp.server).get('/api/health').expect(200);
    expect(response.body).toEqual({ status: 'ok', database: 'up', version: expect.any(String) });
  });

  it('should serve the OpenAPI document with every API path', async () => {
    const response = await request(testApp.server).get('/api/docs-json').expect(200);
    expect(Object.keys(response.body.paths)).toEqual(expect.arrayContaining(['/api/projects', '/api/projects/{projectId}/touchpoints']));
    await request(testApp.server).get('/api/docs').expect(200);
  });

  it('should send security headers including a content security policy', async () => {
    const response = await request(testApp.server).get('/api/health');
    expect(response.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(response.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('should answer 413 in the common error format when the body is too large', async () => {
    const response = await owner.post('/api/projects', { name: 'x', description: 'y'.repeat(1_100_000), language: 'ru', stageTemplate: 'four' }).expect(413);
    expect(response.body).toEqual({ statusCode: 413, error: 'Payload Too Large', message: 'Request body is too large' });
  });

  it('should answer 400 when the JSON is malformed', async () => {
    const response = await owner.post('/api/projects').set('Content-Type', 'application/json').send('{"name":');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });

  it('should answer 404 in the common format for an unknown API route', async () => {
    const response = await owner.get('/api/nowhere').expect(404);
    expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it('should hide internals when something unexpected fails', async () => {
    await testApp.dataSource.query('ALTER TABLE personas RENAME TO personas_away');
    try {
      const project = await owner.createProject({ name: 'Broken' });
      const response = await owner.get(`/api/projects/${project.id}/personas`).expect(500);
      expect(response.body).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' });
      expect(JSON.stringify(response.body)).not.toMatch(/personas|relation|SELECT/);
    } finally {
      await testApp.dataSource.query('ALTER TABLE personas_away RENAME TO personas');
    }
  });
});
