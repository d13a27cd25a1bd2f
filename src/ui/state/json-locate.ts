/**
 * Where a JSON Pointer lands in a file's text, so an error can be shown next
 * to the line it concerns. A small scanner over the text; it assumes the text
 * parsed (syntax errors carry their own line).
 */
/** Line and column (both from 1) where a JSON Pointer's value starts in a file's text. */
export function locatePointer(text: string, pointer: string): { line: number; column: number } | undefined {
  const keys = pointer === '' ? [] : pointer.slice(1).split('/').map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const str = (): string => {
    let out = '';
    i++; // opening quote
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') {
        out += JSON.parse(`"${text.slice(i, i + (text[i + 1] === 'u' ? 6 : 2))}"`);
        i += text[i + 1] === 'u' ? 6 : 2;
      } else out += text[i++];
    }
    i++;
    return out;
  };
  const skip = (): void => {
    ws();
    const c = text[i];
    if (c === '"') str();
    else if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      while (text[i] !== close && i < text.length) {
        if (c === '{') {
          ws();
          str();
          ws();
          i++; // colon
        }
        skip();
        ws();
        if (text[i] === ',') i++;
        ws();
      }
      i++;
    } else while (i < text.length && !/[,\]}\s]/.test(text[i]!)) i++;
  };
  for (const key of keys) {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      let found = false;
      while (i < text.length) {
        ws();
        if (text[i] === '}') break;
        const k = str();
        ws();
        i++; // colon
        ws();
        if (k === key) {
          found = true;
          break;
        }
        skip();
        ws();
        if (text[i] === ',') i++;
      }
      if (!found) return undefined;
    } else if (c === '[') {
      i++;
      const n = Number(key);
      for (let k = 0; k < n; k++) {
        skip();
        ws();
        if (text[i] !== ',') return undefined;
        i++;
      }
      ws();
    } else return undefined;
  }
  ws();
  const before = text.slice(0, i);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: i - lineStart + 1 };
}

/** Line and column of a 0-based character offset. */
export function locateOffset(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}
