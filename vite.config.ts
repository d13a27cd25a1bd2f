import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Relative asset paths so `vite build` output works from any folder or file server.
  base: './',
  worker: { format: 'es' },
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
