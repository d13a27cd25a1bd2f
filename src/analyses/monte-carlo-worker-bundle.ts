/**
 * Node only: the Monte Carlo worker thread as one plain JavaScript file, so a
 * new thread loads it directly instead of compiling TypeScript through tsx
 * module by module. esbuild (already installed with tsx and vite) bundles
 * workers/paths-node.worker.ts into .cache/paths-node/ (ignored by git); the
 * bundle is rebuilt when any of its sources is newer. Packages stay
 * external (resolved from node_modules as usual), and the bundle sits two
 * directories below the project root like src/<dir>/ so the paths it derives
 * from its own location (rules/, seeds/) are the same. Where esbuild cannot
 * be loaded or fails, the tsx entry workers/paths-node.mjs is used instead.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ENTRY = resolve(ROOT, 'workers/paths-node.worker.ts');
const OUT_DIR = resolve(ROOT, '.cache/paths-node');
const OUT = resolve(OUT_DIR, 'paths-node.mjs');
const META = resolve(OUT_DIR, 'inputs.json');
const TSX_ENTRY = new URL('../../workers/paths-node.mjs', import.meta.url).href;

let chosen: string | undefined;

/** The worker file for piscina: the bundle, built or refreshed here if needed, else the tsx entry. */
export function pathsWorkerFile(): string {
  if (chosen) return chosen;
  try {
    if (!fresh()) build();
    chosen = pathToFileURL(OUT).href;
  } catch {
    chosen = TSX_ENTRY;
  }
  return chosen;
}

/** The bundle exists and none of the sources it was built from changed since. */
function fresh(): boolean {
  if (!existsSync(OUT) || !existsSync(META)) return false;
  const built = statSync(OUT).mtimeMs;
  const inputs = JSON.parse(readFileSync(META, 'utf8')) as string[];
  return inputs.every((f) => existsSync(f) && statSync(f).mtimeMs <= built);
}

function build(): void {
  const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
  mkdirSync(OUT_DIR, { recursive: true });
  const r = esbuild.buildSync({
    entryPoints: [ENTRY],
    outfile: OUT,
    absWorkingDir: ROOT,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  // Written under a name of this process, then renamed: another process never starts a half-written bundle.
  const own = (f: string) => `${f}.${process.pid}.tmp`;
  writeFileSync(own(OUT), r.outputFiles![0]!.contents);
  renameSync(own(OUT), OUT);
  writeFileSync(own(META), JSON.stringify(Object.keys(r.metafile!.inputs).map((f) => resolve(ROOT, f))));
  renameSync(own(META), META);
}
