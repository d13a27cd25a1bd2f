import { css, unsafeCSS } from 'lit';

/**
 * The workbench's typeface, for the page and the charts' canvas alike: Chinese faces by the names they have on
 * Windows, macOS and the Linux desktops of government offices (Noto / Source Han, WenQuanYi), so that a run of
 * Chinese is found in the list rather than looked up again in the system's faces (on a cold page that lookup
 * made each layout several times slower). WenQuanYi Micro Hei, which has no bold, after the system's face:
 * where it is the only Chinese face, figures and Latin text keep the system face's bold. (Bold is asked for as
 * 700: a face without a bold is then drawn bold, at 600 it was not.)
 */
export const FONT_FAMILY = "'Noto Sans SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', system-ui, 'WenQuanYi Micro Hei', sans-serif";

/** Shared look: calm government-report palette, WCAG AA contrast on white. */
export const base = css`
  :host {
    --ink: #1b2430;
    --muted: #4a5666;
    --line: #d5dbe3;
    --panel: #f5f7fa;
    --accent: #0b5cad;
    --accent-ink: #ffffff;
    --good: #1e7a45;
    --warn: #a15c00;
    --bad: #b3261e;
    font-family: ${unsafeCSS(FONT_FAMILY)};
    color: var(--ink);
    font-size: 14px;
  }
  button {
    font: inherit;
    border: 1px solid var(--line);
    background: white;
    color: var(--ink);
    padding: 4px 10px;
    border-radius: 4px;
    cursor: pointer;
  }
  button.primary {
    background: var(--accent);
    color: var(--accent-ink);
    border-color: var(--accent);
  }
  /* Busy (an analysis running, its progress bar beside it): the button keeps the focus, a click does nothing. */
  button[aria-disabled='true'] {
    cursor: progress;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  summary:focus-visible {
    outline: 3px solid #f2b300;
    outline-offset: 1px;
  }
  input,
  select {
    font: inherit;
    border: 1px solid #8a96a6;
    border-radius: 4px;
    padding: 3px 6px;
    color: var(--ink);
    background: white;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    border-bottom: 1px solid var(--line);
    padding: 3px 8px;
    text-align: right;
    white-space: nowrap;
  }
  th:first-child,
  td:first-child {
    text-align: left;
  }
  th {
    color: var(--muted);
    font-weight: 700;
    background: var(--panel);
  }
  h2,
  h3 {
    margin: 0 0 8px;
    font-weight: 700;
  }
  h2 {
    font-size: 16px;
  }
  h3 {
    font-size: 14px;
  }
  /* A table wider than a phone scrolls in its own box, never the page. */
  .wide {
    overflow-x: auto;
    max-width: 100%;
  }
  .muted {
    color: var(--muted);
  }
  section {
    background: white;
    border: 1px solid var(--line);
    border-radius: 6px;
    padding: 12px;
  }
`;

/** Warnings that results are impossible, above the figures they concern (workbench and report). */
export const sanity = css`
  .sanity {
    border: 1px solid var(--bad);
    border-left-width: 4px;
    border-radius: 6px;
    padding: 6px 12px;
    margin: 8px 0;
    background: #fdf0ef;
  }
  .sanity h3 {
    margin: 0 0 4px;
    font-size: 14px;
    color: var(--bad);
  }
  .sanity ul {
    margin: 0;
    padding-left: 18px;
    font-size: 13px;
  }
`;

/**
 * A phone: each row of a `table.cards` a small card (name, figures, then where it comes from) instead of a
 * table several columns wide that showed the names only, the figures out of sight to the right. The roles
 * keep it a table for screen readers; each figure says which column it is (`data-label`).
 */
export const cardTables = css`
  @media (max-width: 600px) {
    /* a box of card rows needs no scrolling; any other table in the component keeps its own */
    .wide:has(> table.cards) {
      overflow-x: visible;
    }
    table.cards,
    table.cards tbody,
    table.cards tr,
    table.cards td {
      display: block;
    }
    table.cards thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    table.cards tr {
      border-bottom: 1px solid var(--line);
      padding: 6px 0;
    }
    table.cards td {
      border: none;
      padding: 1px 0;
      text-align: left;
      white-space: normal;
    }
    table.cards td:first-child {
      font-weight: 700;
    }
    table.cards td[data-label]::before {
      content: attr(data-label);
      color: var(--muted);
    }
  }
`;
