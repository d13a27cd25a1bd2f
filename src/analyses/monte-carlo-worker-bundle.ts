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

/**
 * The Node flags for a thread that runs the bundle: this process's, but for those that load tsx (`npx tsx` and
 * `node --import tsx` pass them, and a worker thread inherits them): the bundle is plain JavaScript, and tsx's
 * loader would cost each new thread more than loading the bundle itself. Undefined (inherit them as they are)
 * where none loads tsx, and for the tsx entry.
 */
export function pathsWorkerArgs(file = pathsWorkerFile(), args = process.execArgv): string[] | undefined {
  if (file === TSX_ENTRY) return undefined;
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const loads = /^--(require|import|loader|experimental-loader)$/.test(a) || a === '-r';
    if (loads && /[\\/]tsx[\\/]|^tsx$/.test(args[i + 1] ?? '')) i++;
    else if (!/^--(require|import|loader|experimental-loader)=(.*[\\/])?tsx([\\/]|$)/.test(a)) out.push(a);
  }
  return out.length === args.length ? undefined : out;
}

/** The bundle exists and none of the sources it was built from changed since. */
function fresh(): boolean {
  if (!existsSync(OUT) || !existsSync(META)) return false;
  const built = statSync(OUT).mtimeMs;
  const inputs = JSON.parse(readFileSync(META, 'utf8')) as string[];
  return inputs.every((f) => existsSync(f) && statSync(f).mtimeMs <= built);
}

/**
 * Packages a thread handed the prepared scenario never uses (ajv checks a scenario, json-rules-engine resolves rules
 * the policy timeline has already resolved), required when first used rather than imported as the bundle loads: the
 * bundle's modules make an Ajv at their top level, which alone costs a new thread tens of milliseconds.
 */
const ON_FIRST_USE: Record<string, string> = {
  ajv: `let real;
const load = () => (real ??= require('ajv'));
/** An Ajv made when one of its methods is first called. */
export function Ajv(...args) {
  let ajv;
  const it = () => (ajv ??= new (load().Ajv)(...args));
  return new Proxy({}, { get: (_, k) => { const v = it()[k]; return typeof v === 'function' ? v.bind(it()) : v; } });
}`,
  'json-rules-engine': `let real;
const load = () => (real ??= require('json-rules-engine'));
/** json-rules-engine's Engine, loaded when the first one is made. */
export const Engine = new Proxy(function Engine() {}, { construct: (_, args) => new (load().Engine)(...args) });`,
};

function build(): void {
  const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
  mkdirSync(OUT_DIR, { recursive: true });
  // Each such package is aliased to a module of its own that requires it when first used.
  const alias: Record<string, string> = {};
  for (const [name, text] of Object.entries(ON_FIRST_USE)) {
    alias[name] = resolve(OUT_DIR, `${name}.on-first-use.mjs`);
    const module = `import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\n${text}\n`;
    // Written once (another process may be bundling from it), under a name of this process, then renamed.
    if (!existsSync(alias[name]) || readFileSync(alias[name], 'utf8') !== module) {
      writeFileSync(`${alias[name]}.${process.pid}.tmp`, module);
      renameSync(`${alias[name]}.${process.pid}.tmp`, alias[name]);
    }
  }
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
    alias,
  });
  // Written under a name of this process, then renamed: another process never starts a half-written bundle.
  const own = (f: string) => `${f}.${process.pid}.tmp`;
  writeFileSync(own(OUT), r.outputFiles![0]!.contents);
  renameSync(own(OUT), OUT);
  writeFileSync(own(META), JSON.stringify(Object.keys(r.metafile!.inputs).map((f) => resolve(ROOT, f))));
  renameSync(own(META), META);
}
