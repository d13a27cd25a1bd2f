// Prints one closing line, "tests: N passed, N failed", from the reports the test runners wrote.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync('.cache/vitest.json')) {
  const r = JSON.parse(readFileSync('.cache/vitest.json', 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
}
if (existsSync('.cache/browser-tests.json')) {
  const r = JSON.parse(readFileSync('.cache/browser-tests.json', 'utf8'));
  passed += r.passed;
  failed += r.failed;
  skipped += r.skipped;
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
