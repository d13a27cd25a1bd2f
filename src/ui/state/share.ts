/**
 * The workbench's side of share links; the format and its checks live in
 * src/scenario/share-link.ts (no DOM there).
 */
import { decodeShareLink, encodeShareLink, type ShareDecoded } from '../../scenario/share-link.ts';

export { decodeShareLink, shareHashProblem, type ShareDecoded } from '../../scenario/share-link.ts';

export async function encodeShareFragment(scenario: unknown, hash?: string): Promise<string> {
  return encodeShareLink(scenario, hash);
}

/** The scenario JSON text carried by a fragment, or undefined when there is none; rejects with the problems' text when the link is refused. */
export async function decodeShareFragment(hash: string): Promise<string | undefined> {
  const decoded: ShareDecoded | undefined = decodeShareLink(hash);
  if (!decoded) return undefined;
  if (!decoded.ok) throw new Error(decoded.problems.map((p) => p.reason).join('\n'));
  return decoded.text;
}
