// `npm test`: lint, build, unit + integration tests (real PostgreSQL), client
// unit tests, then browser tests against the built app. Ends with one line
// "N passed, N failed" summing every test and every step that ran.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { banner, root, run } from './run-steps.mjs';

const reports = `${root}tmp/test-reports`;
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];

async function step(name, binary, args, options) {
  banner(name);
  const code = await run(binary, args, options);
  if (code === 0) passed += 1;
  else {
    failed += 1;
    failures.push(name);
  }
  return code === 0;
}

async function jestSuite(name, config, extra = []) {
  banner(name);
  const output = `${reports}/${name.replace(/\W+/g, '-')}.json`;
  const code = await run('jest', ['-c', config, '--ci', '--json', `--outputFile=${output}`, ...extra]);
  if (!existsSync(output)) {
    failed += 1;
    failures.push(`${name} (did not run)`);
    return;
  }
  const result = JSON.parse(readFileSync(output, 'utf8'));
  passed += result.numPassedTests;
  failed += result.numFailedTests;
  skipped += result.numPendingTests + result.numTodoTests;
  // Suites that failed to load count as failures too.
  const broken = result.testResults.filter((suite) => suite.status === 'failed' && suite.assertionResults.length === 0).length;
  failed += broken;
  if (code !== 0 || result.numFailedTests > 0 || broken > 0) failures.push(name);
}

await step('Lint: project graph', 'nx', ['show', 'projects']);
await step('Lint', 'eslint', ['--max-warnings=0', '.']);
const built =
  (await step('Build: server', 'tsc', ['-b', 'server/tsconfig.app.json'])) &&
  (await step('Build: client', 'ng', ['build', '--configuration', 'production'], { cwd: `${root}client` }));
// Two workers: the integration suites wait on PostgreSQL and HTTP as much as they compute.
await jestSuite('Unit and integration tests', 'jest.config.cjs', ['--maxWorkers=2']);
if (built) await jestSuite('Browser tests', 'e2e/jest.config.cjs', ['--runInBand']);
else {
  failed += 1;
  failures.push('Browser tests (skipped: build failed)');
}

banner('Summary');
if (failures.length) console.log(`Failed: ${failures.join(', ')}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
