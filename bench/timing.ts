/** Repeated timing with warm-up; medians and 95th percentiles, never asserted. */
export interface Timing {
  name: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
}

export async function time(name: string, runs: number, fn: () => unknown): Promise<Timing> {
  for (let i = 0; i < Math.min(20, runs); i++) await fn(); // warm up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { name, runs, medianMs: at(0.5), p95Ms: at(0.95) };
}

export function report(t: Timing): void {
  console.log(`${t.name.padEnd(66)} median ${t.medianMs.toFixed(3).padStart(9)} ms   p95 ${t.p95Ms.toFixed(3).padStart(9)} ms   (${t.runs} runs)`);
}

