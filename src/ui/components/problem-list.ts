/**
 * <yb-problem-list>: why a file or scenario could not be used: each problem
 * with its file, JSON path and reason, and the file's line it concerns.
 */
import { LitElement, css, html, nothing } from 'lit';
import { updateWhenLocaleChanges } from '@lit/localize';
import type { InputProblem } from '../../common/errors.ts';
import { locateOffset, locatePointer } from '../state/json-locate.ts';
import { t } from '../i18n.ts';
import { fileText, problemText } from '../problem-text.ts';
import { base } from '../styles.ts';

export class YbProblemList extends LitElement {
  static override properties = { problems: { attribute: false }, text: { attribute: false }, heading: {} };
  declare problems: InputProblem[];
  /** The file's text, when the problems are about a file the user gave. */
  declare text: string | undefined;
  declare heading: string;

  static override styles = [
    base,
    css`
      :host {
        display: block;
        border: 1px solid var(--bad);
        background: #fdf3f2;
        border-radius: 6px;
        padding: 10px 12px;
        margin-bottom: 12px;
      }
      li {
        margin: 4px 0;
      }
      code {
        font-family: ui-monospace, monospace;
        font-size: 12px;
      }
      pre {
        background: white;
        border: 1px solid var(--line);
        padding: 4px 6px;
        margin: 4px 0;
        font-size: 12px;
        overflow: auto;
      }
      .here {
        background: #fbe3e0;
        font-weight: 700;
      }
    `,
  ];

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.problems = [];
    this.heading = '';
  }

  override render() {
    if (!this.problems.length) return nothing;
    const parsed = this.text === undefined ? false : parses(this.text);
    return html`<div role="alert">
      <strong>${this.heading || t('problems')}</strong> <span class="muted">${t('problemsKeep')}</span>
      <ul>
        ${this.problems.map((p) => {
          const at = this.text ? locationOf(this.text, p, parsed) : undefined;
          return html`<li>
            <code>${fileText(p.file)}${p.path ? ` ${p.path}` : ''}${at ? ` (${t('lineNo').replace('{n}', String(at.line))})` : ''}</code>: ${problemText(p)}
            ${at && this.text ? this.#excerpt(this.text, at) : nothing}
          </li>`;
        })}
      </ul>
      <button @click=${() => this.dispatchEvent(new CustomEvent('dismiss', { bubbles: true, composed: true }))}>${t('dismiss')}</button>
    </div>`;
  }

  /** The line before, the line and the line after; a long line shows only a window around the place. */
  #excerpt(text: string, at: { line: number; column: number }) {
    const from = Math.max(1, at.line - 1);
    const lines = linesAround(text, from, at.line + 1);
    return html`<pre>${lines.map((l, i) => {
      const n = from + i;
      const shown = n === at.line ? window80(l, at.column) : window80(l, 1);
      return html`<span class=${n === at.line ? 'here' : ''}>${String(n).padStart(4)}  ${shown}\n</span>`;
    })}</pre>`;
  }
}

const WINDOW = 80;

/** At most 80 characters of a line around a column, marked where cut. */
function window80(line: string, column: number): string {
  if (line.length <= WINDOW) return line;
  const start = Math.max(0, Math.min(column - 1 - WINDOW / 2, line.length - WINDOW));
  return `${start > 0 ? '…' : ''}${line.slice(start, start + WINDOW)}${start + WINDOW < line.length ? '…' : ''}`;
}

/** Lines from..to (from 1) without splitting the whole of a large file. */
function linesAround(text: string, from: number, to: number): string[] {
  const out: string[] = [];
  let start = 0;
  for (let n = 1; n <= to && start <= text.length; n++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (n >= from) out.push(text.slice(start, end));
    start = end + 1;
  }
  return out;
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Where a problem lies in the text: a syntax error's own position, an unknown key's key, else the pointer's value. */
function locationOf(text: string, p: InputProblem, parsed: boolean): { line: number; column: number } | undefined {
  const lineCol = /line (\d+) column (\d+)/.exec(p.reason);
  if (lineCol) return { line: Number(lineCol[1]), column: Number(lineCol[2]) };
  const position = /at position (\d+)/.exec(p.reason);
  if (position) return locateOffset(text, Number(position[1]));
  if (!parsed) return undefined;
  const key = /^unknown key "([^"]*)"$/.exec(p.reason);
  if (key) {
    const at = locatePointer(text, `${p.path}/${key[1]!.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    if (at) return keyStart(text, at);
  }
  return locatePointer(text, p.path);
}

/** From a value's place back to its key's opening quote, on the same line where it is there. */
function keyStart(text: string, at: { line: number; column: number }): { line: number; column: number } {
  const line = linesAround(text, at.line, at.line)[0] ?? '';
  const colon = line.lastIndexOf(':', at.column - 1);
  const quote = colon > 0 ? line.lastIndexOf('"', line.lastIndexOf('"', colon) - 1) : -1;
  return quote >= 0 ? { line: at.line, column: quote + 1 } : at;
}

customElements.define('yb-problem-list', YbProblemList);

declare global {
  interface HTMLElementTagNameMap {
    'yb-problem-list': YbProblemList;
  }
}
