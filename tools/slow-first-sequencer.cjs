// Runs the longest suites first, so that on a fresh clone (no timing cache yet) the
// second worker is not left idle while one long suite finishes last.
const Sequencer = require('@jest/test-sequencer').default;

const SLOW_FIRST = ['fuzz.spec.ts', 'demo.spec.ts', 'malformed-files.spec.ts', 'synthesis-worker-crash.spec.ts', 'privacy.spec.ts', 'survey-imports.spec.ts'];

function rank(path) {
  const index = SLOW_FIRST.findIndex((name) => path.endsWith(name));
  return index < 0 ? SLOW_FIRST.length : index;
}

class SlowFirstSequencer extends Sequencer {
  sort(tests) {
    const ordered = super.sort(tests);
    return [...ordered].sort((a, b) => rank(a.path) - rank(b.path));
  }
}

module.exports = SlowFirstSequencer;
