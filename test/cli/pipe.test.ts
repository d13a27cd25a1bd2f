/**
 * A command whose output is piped into a reader that stops early (`npm run simulate -- … | head`)
 * stops quietly with exit 0, as other command-line tools do, instead of printing Node's EPIPE trace.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('output piped into a reader that stops early', () => {
  it('simulate --population stops quietly when the reader closes after the first chunk', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/simulate.ts', 'seeds/scenarios/national-2022.json', '--population', '--format', 'csv'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(err).not.toMatch(/EPIPE|Unhandled 'error' event|node:events/);
    expect(code).toBe(0);
  }, 60_000);
});
