/**
 * A scenario's notes: what it is for and what it assumes, as its author wrote them. One text (in
 * whatever language its author used), or the same in Chinese and English, each reader seeing their
 * language's. Notes are not inputs: they never change the content hash.
 */
export type Notes = string | { zh: string; en: string };

/** The notes in one language: the half of a pair, or the one text as written. */
export function notesIn(notes: Notes | undefined, lang: 'zh' | 'en'): string {
  if (notes === undefined) return '';
  return typeof notes === 'string' ? notes : notes[lang];
}

/** Notes with a line added in both languages (a goal seek's answer says what it found). */
export function appendNote(notes: Notes | undefined, line: { zh: string; en: string }): Notes {
  if (notes === undefined || notes === '') return line;
  return { zh: `${notesIn(notes, 'zh')}\n${line.zh}`, en: `${notesIn(notes, 'en')}\n${line.en}` };
}
