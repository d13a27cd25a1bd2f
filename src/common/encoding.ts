/** Text as a file gives it: a byte-order mark to drop, or bytes that were not UTF-8. */

/** Text without the byte-order mark (U+FEFF) a Windows editor puts before the first character of a UTF-8 file. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Whether text decoded as UTF-8 came from bytes that were not (a file saved as
 * GBK or UTF-16): the decoder turns those into U+FFFD, and UTF-16 leaves NULs.
 */
export function looksMisdecoded(text: string): boolean {
  return /[\uFFFD\u0000]/.test(text);
}
