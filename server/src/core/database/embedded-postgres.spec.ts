import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

describe('startEmbeddedPostgres', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'tropa-embedded-'));
    chmodSync(dataDir, 0o755);
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('should keep the data when it is started a second time on the same folder', async () => {
    const script = join(__dirname, '../../../test/fixtures/embedded-restart.ts');
    const { stdout } = await run(process.execPath, ['--import', 'tsx', script, dataDir], { cwd: join(__dirname, '../../../..') });
    expect(JSON.parse(stdout)).toEqual({ rows: [{ note: 'survives a restart' }] });
    expect(existsSync(join(dataDir, 'pg', 'PG_VERSION'))).toBe(true);
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  });
});
