/**
 * A share link carries the whole scenario in the URL fragment (never sent to
 * a server): JSON, deflated, base64url.
 */
const PREFIX = '#scenario=';

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

export async function encodeShareFragment(scenario: unknown): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(scenario));
  return PREFIX + toBase64Url(await pipe(json, new CompressionStream('deflate-raw')));
}

/** The scenario JSON text carried by a fragment, or undefined when there is none. */
export async function decodeShareFragment(hash: string): Promise<string | undefined> {
  if (!hash.startsWith(PREFIX)) return undefined;
  const bytes = await pipe(fromBase64Url(hash.slice(PREFIX.length)), new DecompressionStream('deflate-raw'));
  return new TextDecoder().decode(bytes);
}
