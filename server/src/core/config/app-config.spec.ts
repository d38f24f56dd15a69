import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'tropa-config-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('should use the defaults when nothing is set', () => {
    const config = loadConfig({ TROPA_DATA_DIR: dataDir });
    expect(config).toMatchObject({ port: 3000, databaseUrl: null, dataDir, nodeEnv: 'development', cookieSecure: false, workers: 'inline' });
    expect(config.clientDir).toBe(join(__dirname, '../../../../client/dist/browser'));
  });

  it('should generate a secret on first start and reuse it afterwards', () => {
    const first = loadConfig({ TROPA_DATA_DIR: dataDir }).secret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(dataDir, 'secret'), 'utf8').trim()).toBe(first);
    expect(statSync(join(dataDir, 'secret')).mode & 0o777).toBe(0o600);
    expect(loadConfig({ TROPA_DATA_DIR: dataDir }).secret).toBe(first);
  });

  it('should name every bad variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({ TROPA_DATA_DIR: dataDir, PORT: 'eighty', DATABASE_URL: 'mysql://x', TROPA_COOKIE_SECURE: 'maybe', NODE_ENV: 'staging' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PORT must be an integer/);
    expect(problems).toMatch(/DATABASE_URL must start with postgres/);
    expect(problems).toMatch(/TROPA_COOKIE_SECURE must be true or false/);
    expect(problems).toMatch(/NODE_ENV must be one of/);
  });

  it('should refuse a short TROPA_SECRET', () => {
    expect(() => loadConfig({ TROPA_DATA_DIR: dataDir, TROPA_SECRET: 'short' })).toThrow(/TROPA_SECRET must be at least 32/);
  });

  it('should accept an external PostgreSQL URL', () => {
    const config = loadConfig({ TROPA_DATA_DIR: dataDir, DATABASE_URL: 'postgresql://tropa:pw@db:5432/tropa', PORT: '8080' });
    expect(config).toMatchObject({ databaseUrl: 'postgresql://tropa:pw@db:5432/tropa', port: 8080 });
  });
});
