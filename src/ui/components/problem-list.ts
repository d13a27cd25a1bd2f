/**
 * <yb-problem-list>: why a file or scenario could not be used: each problem
 * with its file, JSON path and reason, and the file's line it concerns.
 */
import { LitElement, css, html, nothing } from 'lit';
import { updateWhenLocaleChanges } from '@lit/localize';
import type { InputProblem } from '../../common/errors.ts';
import { lineOfPointer } from '../state/json-locate.ts';
import { t } from '../i18n.ts';
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
        font-weight: 600;
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
    return html`<div role="alert">
      <strong>${this.heading || t('problems')}</strong> <span class="muted">${t('problemsKeep')}</span>
      <ul>
        ${this.problems.map((p) => {
          const line = this.text ? lineOfLocation(this.text, p) : undefined;
          return html`<li>
            <code>${p.file}${p.path ? ` ${p.path}` : ''}${line ? ` (line ${line})` : ''}</code>: ${p.reason}
            ${line && this.text ? this.#excerpt(this.text, line) : nothing}
          </li>`;
        })}
      </ul>
      <button @click=${() => this.dispatchEvent(new CustomEvent('dismiss', { bubbles: true, composed: true }))}>${t('dismiss')}</button>
    </div>`;
  }

  #excerpt(text: string, line: number) {
    const lines = text.split('\n');
    const from = Math.max(1, line - 1);
    const to = Math.min(lines.length, line + 1);
    return html`<pre>${lines.slice(from - 1, to).map((l, i) => html`<span class=${from + i === line ? 'here' : ''}>${String(from + i).padStart(4)}  ${l}\n</span>`)}</pre>`;
  }
}

function lineOfLocation(text: string, p: InputProblem): number | undefined {
  const syntax = /line (\d+)/.exec(p.reason);
  if (syntax) return Number(syntax[1]);
  try {
    JSON.parse(text);
  } catch {
    return undefined;
  }
  return lineOfPointer(text, p.path);
}

customElements.define('yb-problem-list', YbProblemList);

declare global {
  interface HTMLElementTagNameMap {
    'yb-problem-list': YbProblemList;
  }
}
