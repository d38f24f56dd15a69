import type { ProjectResponse, UserResponse } from '@tropa/contracts';
import request from 'supertest';
import type { TestApp } from './create-test-app';

type Agent = ReturnType<typeof request.agent>;

/** A browser-like client: keeps cookies and echoes the XSRF cookie in the header on writes. */
export class ApiClient {
  private readonly agent: Agent;
  private xsrf = '';
  user: UserResponse | null = null;

  private constructor(private readonly testApp: TestApp) {
    this.agent = request.agent(testApp.server);
  }

  static async create(testApp: TestApp): Promise<ApiClient> {
    const client = new ApiClient(testApp);
    const response = await client.agent.get('/api/auth/csrf').expect(204);
    const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
    const xsrf = cookies.find((cookie) => cookie.startsWith('XSRF-TOKEN='));
    if (!xsrf) throw new Error('no XSRF-TOKEN cookie');
    client.xsrf = decodeURIComponent(xsrf.split(';')[0].slice('XSRF-TOKEN='.length));
    return client;
  }

  get(path: string) {
    return this.agent.get(path);
  }
  post(path: string, body?: object) {
    const request = this.agent.post(path).set('X-XSRF-TOKEN', this.xsrf);
    return body === undefined ? request : request.send(body);
  }
  patch(path: string, body?: object) {
    return this.agent.patch(path).set('X-XSRF-TOKEN', this.xsrf).send(body);
  }
  put(path: string, body?: object) {
    return this.agent.put(path).set('X-XSRF-TOKEN', this.xsrf).send(body);
  }
  delete(path: string) {
    return this.agent.delete(path).set('X-XSRF-TOKEN', this.xsrf);
  }

  /** A request with no CSRF header, as a forged cross-site form would send. */
  postWithoutCsrf(path: string, body?: object) {
    return this.agent.post(path).send(body);
  }

  async login(email: string, password: string): Promise<UserResponse> {
    const response = await this.post('/api/auth/login', { email, password }).expect(200);
    this.user = response.body as UserResponse;
    return this.user;
  }

  async register(body: { email: string; password: string; displayName: string; invitationToken?: string }): Promise<UserResponse> {
    const response = await this.post('/api/auth/register', body).expect(201);
    this.user = response.body as UserResponse;
    return this.user;
  }

  async createProject(body: Partial<{ name: string; language: 'ru' | 'en'; stageTemplate: 'seven' | 'four' | 'six'; description: string }> = {}): Promise<ProjectResponse> {
    const response = await this.post('/api/projects', { name: 'Косметика онлайн', language: 'ru', stageTemplate: 'seven', ...body }).expect(201);
    return response.body as ProjectResponse;
  }

  get app(): TestApp {
    return this.testApp;
  }
}
