/** Text without the byte-order mark (U+FEFF) a Windows editor puts before the first character of a UTF-8 file. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
