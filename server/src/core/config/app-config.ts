import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export type NodeEnv = 'development' | 'production' | 'test';
export type LogFormat = 'json' | 'text';

/** Everything the server reads from its environment, validated once at boot. */
export interface AppConfig {
  nodeEnv: NodeEnv;
  port: number;
  /** `null`: start the embedded PostgreSQL in `<dataDir>/pg`. */
  databaseUrl: string | null;
  dataDir: string;
  /** Folder with the built Angular app; served at `/` when it exists. */
  clientDir: string;
  /** Signs CSRF tokens; shared by every API process of an instance. */
  secret: string;
  cookieSecure: boolean;
  sessionTtlHours: number;
  rateLimit: { windowSeconds: number; perWindow: number; authPerWindow: number };
  logFormat: LogFormat;
  trustProxy: boolean;
  runMigrations: boolean;
  /** `inline`: this API process also runs background jobs; `off`: only separate workers (`npm run worker`) do. */
  workers: 'inline' | 'off';
  /** A running synthesis whose worker sent no heartbeat for this long is taken over by another worker. */
  synthesisStaleSeconds: number;
  /** A leased background job (an import) whose worker sent no heartbeat for this long is retried by another worker. */
  jobLeaseSeconds: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

class EnvReader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  string(name: string, fallback: string): string {
    const value = this.env[name];
    return value === undefined || value === '' ? fallback : value;
  }

  optional(name: string): string | null {
    const value = this.env[name];
    return value === undefined || value === '' ? null : value;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const raw = this.optional(name);
    if (raw === null) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  }

  bool(name: string, fallback: boolean): boolean {
    const raw = this.optional(name);
    if (raw === null) return fallback;
    if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
    if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
    this.problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.optional(name);
    if (raw === null) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    this.problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
    return fallback;
  }
}

function validDatabaseUrl(raw: string | null, problems: string[]): string | null {
  if (raw === null) return null;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
      problems.push('DATABASE_URL must start with postgres:// or postgresql://');
    }
  } catch {
    problems.push('DATABASE_URL is not a valid URL (expected postgres://user:password@host:5432/database)');
  }
  return raw;
}

/** Reads the secret from TROPA_SECRET, or from `<dataDir>/secret`, creating it on first start. */
function resolveSecret(fromEnv: string | null, dataDir: string, problems: string[]): string {
  if (fromEnv !== null) {
    if (fromEnv.length < 32) problems.push('TROPA_SECRET must be at least 32 characters long');
    return fromEnv;
  }
  const file = join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** The built client next to this server, wherever the server runs from (source, dist, image). */
function defaultClientDir(): string {
  for (let folder = __dirname; folder !== dirname(folder); folder = dirname(folder)) {
    const candidate = join(folder, 'client', 'dist', 'browser');
    if (existsSync(join(folder, 'client')) && existsSync(join(folder, 'server'))) return candidate;
  }
  return resolve('client/dist/browser');
}

export function loadConfig(env: Env = process.env): AppConfig {
  const read = new EnvReader(env);
  const nodeEnv = read.oneOf<NodeEnv>('NODE_ENV', ['development', 'production', 'test'], 'development');
  const port = read.int('PORT', 3000, 0, 65535);
  const databaseUrl = validDatabaseUrl(read.optional('DATABASE_URL'), read.problems);
  const dataDir = resolve(read.string('TROPA_DATA_DIR', './.data'));
  const clientDir = resolve(read.string('TROPA_CLIENT_DIR', defaultClientDir()));
  const cookieSecure = read.bool('TROPA_COOKIE_SECURE', false);
  const sessionTtlHours = read.int('TROPA_SESSION_TTL_HOURS', 24 * 14, 1, 24 * 365);
  const rateLimit = {
    windowSeconds: read.int('TROPA_RATE_LIMIT_WINDOW_SECONDS', 60, 1, 3600),
    perWindow: read.int('TROPA_RATE_LIMIT', 600, 1, 1_000_000),
    authPerWindow: read.int('TROPA_AUTH_RATE_LIMIT', 10, 1, 1_000_000),
  };
  const logFormat = read.oneOf<LogFormat>('TROPA_LOG_FORMAT', ['json', 'text'], nodeEnv === 'production' ? 'json' : 'text');
  const trustProxy = read.bool('TROPA_TRUST_PROXY', false);
  const runMigrations = read.bool('TROPA_RUN_MIGRATIONS', true);
  const workers = read.oneOf<'inline' | 'off'>('TROPA_WORKERS', ['inline', 'off'], 'inline');
  const synthesisStaleSeconds = read.int('TROPA_SYNTHESIS_STALE_SECONDS', 60, 2, 3600);
  const jobLeaseSeconds = read.int('TROPA_JOB_LEASE_SECONDS', 60, 2, 3600);
  const secretFromEnv = read.optional('TROPA_SECRET');
  if (read.problems.length > 0) throw new ConfigError(read.problems);
  const secret = resolveSecret(secretFromEnv, dataDir, read.problems);
  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return {
    nodeEnv,
    port,
    databaseUrl,
    dataDir,
    clientDir,
    secret,
    cookieSecure,
    sessionTtlHours,
    rateLimit,
    logFormat,
    trustProxy,
    runMigrations,
    workers,
    synthesisStaleSeconds,
    jobLeaseSeconds,
  };
}

/** Injection token of the validated {@link AppConfig}. */
export const APP_CONFIG = Symbol('APP_CONFIG');
