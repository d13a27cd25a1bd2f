// Screenshots of the built workbench in headless Chromium: node scripts/screenshot.mjs [out-dir]
// Serves dist/ with `vite preview`, waits for the first projection, then captures the main screen.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const out = process.argv[2] ?? '.cache/screens';
mkdirSync(out, { recursive: true });
const port = 4179;
const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 1500));
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  page.on('console', (m) => console.log('console:', m.type(), m.text()));
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => document.querySelector('yb-app')?.sim?.result?.ok === true, null, { timeout: 20000 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${out}/main.png`, fullPage: false });
  await page.screenshot({ path: `${out}/main-full.png`, fullPage: true });
  console.log('saved', out);
} finally {
  await browser.close();
  server.kill();
}
