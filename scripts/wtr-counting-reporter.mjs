// A web-test-runner reporter that counts passed and failed tests into a JSON file, so that
// scripts/test.mjs can print one plain `N passed, N failed` line over every suite, and the case count
// of each file (the reliability suites in test/suites/ are reported one by one).
// A skipped test counts as failed: the project has none, and one appearing must not go unnoticed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';

function count(suite, totals) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite.suites ?? []) count(child, totals);
}

export function countingReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, fileErrors: 0, files: {} };
      for (const session of sessions) {
        const one = { passed: 0, failed: 0, skipped: 0 };
        if (session.testResults) count(session.testResults, one);
        // A test file that failed to load or threw outside a test counts as one failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) {
          one.failed++;
          totals.fileErrors++;
        }
        one.failed += one.skipped;
        const name = relative(process.cwd(), session.testFile);
        const seen = totals.files[name] ?? { passed: 0, failed: 0 };
        totals.files[name] = { passed: seen.passed + one.passed, failed: seen.failed + one.failed };
        totals.passed += one.passed;
        totals.failed += one.failed;
        totals.skipped += one.skipped;
      }
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(totals, null, 1));
    },
  };
}
