import { fileURLToPath } from 'node:url';
import { normalizePath } from 'vite';
import { defineConfig, type Plugin } from 'vitest/config';
import { precompiledSchemasModule } from './src/common/schema-standalone.ts';

/** src/common/precompiled-schemas.ts as the input schemas compiled at build time (src/common/schema-standalone.ts), for the simulation worker. */
function precompiledSchemas(): Plugin {
  // Vite's ids use forward slashes on every system.
  const file = normalizePath(fileURLToPath(new URL('./src/common/precompiled-schemas.ts', import.meta.url)));
  return {
    name: 'precompiled-schemas',
    // Built only: the dev server compiles the schemas at first use, so an edited schema is never served stale.
    apply: 'build',
    load: (id) => (id.split('?')[0] === file ? precompiledSchemasModule() : undefined),
  };
}

export default defineConfig({
  // Relative asset paths so `vite build` output works from any folder or file server.
  base: './',
  plugins: [precompiledSchemas()],
  worker: { format: 'es', plugins: () => [precompiledSchemas()] },
  optimizeDeps: { include: ['json-rules-engine', 'decimal.js', 'comlink', 'ajv', 'exceljs'] },
  // One app chunk (ECharts' bar and line charts are most of its ~620 kB) and one worker chunk.
  build: { target: 'es2022', outDir: 'dist', chunkSizeWarningLimit: 800 },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**'],
    // The JSON report lets CI print one "N passed, N failed" line for all suites.
    reporters: ['default', 'json'],
    outputFile: { json: '.cache/vitest.json' },
  },
});
