/**
 * Share links: the scenario and its content hash round-trip; a byte-order mark
 * is dropped; the unpacked size is capped while inflating; a damaged link, a
 * malformed hash and a scenario that computes another hash are each said, in
 * Chinese and English.
 */
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { SHARE_MAX_BYTES, SHARE_PREFIX, decodeShareLink, encodeShareLink, shareHashProblem } from '../../src/scenario/share-link.ts';
import { exampleDoc, prepareDoc } from './helpers.ts';

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const linkOf = (text: string) => SHARE_PREFIX + b64url(deflateSync(new TextEncoder().encode(text)));

describe('share links', () => {
  it('carry the whole scenario and the content hash it computes', async () => {
    const doc = exampleDoc('banner-individual-400.json');
    const { hash } = await prepareDoc(doc);
    const decoded = decodeShareLink(encodeShareLink(doc, hash));
    expect(decoded).toEqual({ ok: true, text: JSON.stringify(doc), hash });
    expect((await prepareDoc(JSON.parse((decoded as { text: string }).text))).hash).toBe(hash);
    expect(shareHashProblem(hash, hash)).toBeUndefined();
  });

  it('is not a share link without the prefix, and an old link without a hash still opens', () => {
    expect(decodeShareLink('#top')).toBeUndefined();
    expect(decodeShareLink(linkOf('{"version":1}'))).toEqual({ ok: true, text: '{"version":1}', hash: undefined });
  });

  it('drops a byte-order mark before the JSON', () => {
    expect(decodeShareLink(linkOf('\uFEFF{"version":1}'))).toMatchObject({ ok: true, text: '{"version":1}' });
  });

  it('caps the unpacked size at 2 MB while inflating: a 64 MB link of spaces is refused', () => {
    // 64 MiB of spaces deflate to about 64 KB; the cap stops inflating after about 2.5 MB
    const bomb = SHARE_PREFIX + b64url(deflateSync(new Uint8Array(64 * 1024 * 1024).fill(32), { level: 9 }));
    expect(SHARE_MAX_BYTES).toBe(2 * 1024 * 1024);
    const r = decodeShareLink(bomb);
    expect(r).toMatchObject({ ok: false });
    const p = (r as { problems: { file: string; reason: string; message: { zh: string } }[] }).problems;
    expect(p).toHaveLength(1);
    expect(p[0]!.file).toBe('shared link');
    expect(p[0]!.reason).toBe('the share link unpacks to more than 2 MB and was not opened; open large scenarios as files');
    expect(p[0]!.message.zh).toBe('分享链接解压后超过 2 MB，未打开：方案文件请用“打开文件”');
  });

  it('accepts exactly the cap and refuses one byte more', () => {
    expect(decodeShareLink(linkOf('x'.repeat(1000)), 1000)).toMatchObject({ ok: true });
    expect(decodeShareLink(linkOf('x'.repeat(1001)), 1000)).toMatchObject({ ok: false, problems: [{ message: { id: 'share.tooLarge' } }] });
  });

  it('says a damaged link is damaged: foreign characters, cut short, not deflate, not UTF-8', () => {
    const id = (fragment: string) => (decodeShareLink(fragment) as { problems: { message: { id: string } }[] }).problems[0]!.message.id;
    const good = linkOf(JSON.stringify(exampleDoc('banner-2022.json')));
    expect(id(good.slice(0, 40) + '%20' + good.slice(40))).toBe('share.notBase64');
    expect(id(good.slice(0, Math.floor(good.length / 2)))).toBe('share.notDeflate');
    expect(id(SHARE_PREFIX + b64url(new Uint8Array([255, 255, 255, 1, 2, 3])))).toBe('share.notDeflate');
    expect(id(SHARE_PREFIX)).toBe('share.notDeflate');
    expect(id(SHARE_PREFIX + b64url(deflateSync(new Uint8Array([0xc3, 0x28]))))).toBe('share.notText');
    expect(id(good + '&hash=xyz')).toBe('share.badHash');
  });

  it('says when the opened scenario does not compute the hash the link names', () => {
    const p = shareHashProblem('a'.repeat(64), 'b'.repeat(64))!;
    expect(p.reason).toBe(
      'the scenario opened does not match the content hash the link carries (link aaaaaaaaaaaa, opened bbbbbbbbbbbb): the link was altered, or the rules or the model changed since, and the numbers may differ',
    );
    expect(p.message!.zh).toContain('打开的方案与链接记录的内容哈希不一致（链接 aaaaaaaaaaaa，实际 bbbbbbbbbbbb）');
  });
});
