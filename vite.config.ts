import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Relative asset paths so `vite build` output works from any folder or file server.
  base: './',
  worker: { format: 'es' },
  optimizeDeps: { include: ['json-rules-engine', 'decimal.js', 'comlink', 'ajv'] },
  build: { target: 'es2022', outDir: 'dist' },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**'],
  },
});
