// Browser tests (test/browser/*.test.ts) in headless Chromium: Debian's build, as root.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { mkdirSync, writeFileSync } from 'node:fs';

/** Counts for the one closing line CI prints across all suites (scripts/test-summary.mjs). */
function countsReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      const walk = (suite) => {
        for (const test of suite.tests) counts[test.skipped ? 'skipped' : test.passed ? 'passed' : 'failed']++;
        for (const child of suite.suites) walk(child);
      };
      for (const s of sessions) {
        if (s.testResults) walk(s.testResults);
        if (!s.passed && !s.testResults?.tests.length && !s.testResults?.suites.length) counts.failed++;
      }
      mkdirSync('.cache', { recursive: true });
      writeFileSync('.cache/browser-tests.json', JSON.stringify(counts));
    },
  };
}

const tsconfig = fileURLToPath(new URL('./tsconfig.json', import.meta.url));

/**
 * json-rules-engine, ajv and exceljs ship CommonJS only (Vite pre-bundles them for the app);
 * serve the test browser an ES module bundle of each.
 */
const COMMONJS = {
  'json-rules-engine': ['Engine', 'Rule', 'Operator', 'Almanac'],
  ajv: ['Ajv'],
  exceljs: ['Workbook'],
};

function commonJsAsEsm() {
  const bundles = new Map();
  return {
    name: 'commonjs-as-esm',
    resolveImport({ source }) {
      if (source in COMMONJS) return `/__cjs/${source}.js`;
    },
    async serve(context) {
      const m = /^\/__cjs\/(.+)\.js$/.exec(context.path);
      if (!m || !(m[1] in COMMONJS)) return;
      const name = m[1];
      if (!bundles.has(name)) {
        const contents = `import * as m from '${name}'; export const { ${COMMONJS[name].join(', ')} } = m; export default m.default;`;
        const result = await build({ stdin: { contents, resolveDir: process.cwd() }, bundle: true, format: 'esm', platform: 'browser', write: false });
        bundles.set(name, result.outputFiles[0].text);
      }
      return { body: bundles.get(name), type: 'js' };
    },
  };
}

export default {
  files: 'test/browser/**/*.test.ts',
  nodeResolve: true,
  reporters: [defaultReporter(), countsReporter()],
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 180000,
  browserStartTimeout: 60000,
  // echarts reads process.env.NODE_ENV, which Vite defines for the app.
  testRunnerHtml: (testFramework) =>
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>医保基金政策模拟工作台 · tests</title></head><body><script>window.process = { env: { NODE_ENV: 'production' } };</script><script type="module" src="${testFramework}"></script></body></html>`,
  plugins: [commonJsAsEsm(), esbuildPlugin({ ts: true, json: true, tsconfig, target: 'es2022' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--no-default-browser-check'],
      },
    }),
  ],
};
