/**
 * A share link carries the whole scenario in the URL fragment (never sent to a
 * server): `#scenario=<JSON, raw deflate, base64url>&hash=<content hash>`.
 * Decoding is plain data in, plain data out (no DOM), for the workbench and tests:
 * a leading byte-order mark is dropped, the unpacked size is capped while
 * inflating (a small link cannot unpack to gigabytes), and every refusal is a
 * problem in Chinese and English. The content hash lets the opener check that
 * what it computed is what the sender saw.
 */
import { Inflate, deflateSync } from 'fflate';
import { stripBom } from '../common/encoding.ts';
import { localizedProblem, type InputProblem } from '../common/errors.ts';
import { message } from '../common/messages.ts';

export const SHARE_PREFIX = '#scenario=';
/** The largest scenario a link may unpack to. */
export const SHARE_MAX_BYTES = 2 * 1024 * 1024;
/** Compressed bytes inflated at a time: deflate expands at most about 1,032-fold, so one step adds at most about 0.5 MB past the cap. */
const STEP = 512;
const FILE = 'shared link';

export type ShareDecoded = { ok: true; text: string; hash?: string } | { ok: false; problems: InputProblem[] };

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** The fragment for a scenario (its JSON value), with the content hash of its projection when known. */
export function encodeShareLink(scenario: unknown, hash?: string): string {
  const packed = toBase64Url(deflateSync(new TextEncoder().encode(JSON.stringify(scenario)), { level: 9 }));
  return SHARE_PREFIX + packed + (hash ? `&hash=${hash}` : '');
}

/** Inflate raw deflate, refusing as soon as the output passes `maxBytes`. */
function inflateCapped(bytes: Uint8Array, maxBytes: number): Uint8Array | 'too-large' | 'damaged' {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const inflate = new Inflate((chunk) => {
    size += chunk.length;
    if (size <= maxBytes) chunks.push(chunk);
  });
  try {
    for (let at = 0; at < bytes.length; at += STEP) {
      inflate.push(bytes.subarray(at, at + STEP), at + STEP >= bytes.length);
      if (size > maxBytes) return 'too-large';
    }
  } catch {
    return 'damaged';
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`;
}

/**
 * The scenario JSON text a fragment carries and the hash it names; undefined
 * when the fragment is not a share link at all.
 */
export function decodeShareLink(fragment: string, maxBytes = SHARE_MAX_BYTES): ShareDecoded | undefined {
  if (!fragment.startsWith(SHARE_PREFIX)) return undefined;
  const refuse = (m: ReturnType<typeof message>): ShareDecoded => ({ ok: false, problems: [localizedProblem(FILE, '', m)] });
  const [packed = '', ...params] = fragment.slice(SHARE_PREFIX.length).split('&');
  let hash: string | undefined;
  for (const p of params) {
    if (!p.startsWith('hash=')) continue;
    hash = p.slice('hash='.length).toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(hash)) return refuse(message('share.badHash'));
  }
  const bytes = fromBase64Url(packed);
  if (!bytes) return refuse(message('share.notBase64'));
  if (bytes.length === 0) return refuse(message('share.notDeflate'));
  const inflated = inflateCapped(bytes, maxBytes);
  if (inflated === 'too-large') return refuse(message('share.tooLarge', { limit: sizeText(maxBytes) }));
  if (inflated === 'damaged') return refuse(message('share.notDeflate'));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(inflated);
  } catch {
    return refuse(message('share.notText'));
  }
  return { ok: true, text: stripBom(text), hash };
}

/** When the link named a content hash and the opened scenario computes another, say so. */
export function shareHashProblem(linkHash: string | undefined, openedHash: string): InputProblem | undefined {
  if (!linkHash || linkHash === openedHash) return undefined;
  return localizedProblem(FILE, '', message('share.hashMismatch', { expected: linkHash.slice(0, 12), actual: openedHash.slice(0, 12) }));
}
