/**
 * Every table of a run as an .xlsx workbook, one sheet a table, with the
 * scenario's title, baseline, rule sets, content hash and notes on the first sheet. exceljs is
 * loaded only when a workbook is asked for, so the workbench does not carry it.
 */
import type { RunView } from '../app/views.ts';
import type { Scenario } from '../scenario/types.ts';
import { assumptionRows } from './assumption-labels.ts';
import { grouped } from './format.ts';
import { pick, t } from './i18n.ts';
import { allTables, exportCell, type Table } from './tables.ts';
import { readableText } from './problem-text.ts';
import { baselineName, notesText, ruleSetNames, titleText } from './labels.ts';
import type { CatalogView } from '../app/service.ts';

/** Sheet names: at most 31 characters (a table's short name where its caption is longer; the caption heads the sheet), none of []:*?/\, unique. */
function sheetName(used: Set<string>, text: string): string {
  const clean = text.replace(/[[\]:*?/\\]/g, ' ').trim();
  let name = clean.slice(0, 31);
  for (let n = 2; used.has(name); n++) name = `${clean.slice(0, 31 - String(n).length - 1)}~${n}`;
  used.add(name);
  return name;
}

/** The tables a workbook and a report carry beyond the charts': assumptions and the report's contradictions. */
export function reportTables(run: RunView): Table[] {
  return [
    ...allTables(run),
    {
      id: 'assumptions',
      caption: t('assumptions'),
      columns: [{ label: t('parameter') }, { label: t('value'), format: (v) => grouped(String(v ?? '')) }, { label: t('unit') }, { label: t('source') }],
      rows: assumptionRows(run).map((a) => [a.label, a.value, a.unit, a.source]),
    },
    { id: 'audit', caption: t('auditFindings'), sheet: t('sheetAudit'), columns: [{ label: t('auditFinding') }], rows: run.audit.map((a) => [readableText(pick(a.text))]) },
  ];
}

/** The workbook; the cover names the baseline and the rule sets by their titles (from the catalog), not their ids. */
export async function workbookBytes(run: RunView, scenario: Scenario | undefined, catalog: CatalogView | undefined): Promise<Uint8Array> {
  const mod = (await import('exceljs')) as unknown as { default?: typeof import('exceljs') } & typeof import('exceljs');
  const ExcelJS = mod.default ?? mod;
  const wb = new ExcelJS.Workbook();
  wb.creator = t('appTitle');
  const used = new Set<string>();
  const cover = wb.addWorksheet(sheetName(used, t('reportCover')));
  cover.addRows([
    [t('title'), titleText(run.title)],
    [t('baseline'), baselineName(scenario, catalog)],
    [t('rules'), ruleSetNames(scenario, catalog)],
    [t('projectionPeriod'), `${run.baseYear} – ${run.until}`],
    [t('contentHash'), `sha256:${run.hash}`],
    ...(notesText(scenario?.notes) ? [[t('scenarioNotes'), notesText(scenario?.notes)]] : []),
  ]);
  cover.getColumn(1).width = 18;
  cover.getColumn(2).width = 80;
  for (const table of reportTables(run)) {
    const ws = wb.addWorksheet(sheetName(used, table.sheet ?? table.caption));
    ws.addRow([table.caption]).font = { bold: true };
    ws.addRow(table.columns.map((c) => c.exportLabel ?? c.label)).font = { bold: true };
    for (const r of table.rows) {
      ws.addRow(
        r.map((v, i) => {
          const c = table.columns[i];
          const out = c ? exportCell(c, v) : v;
          // Amounts arrive as exact decimal strings of at most 12 significant digits (万元 to the fen); a
          // spreadsheet number (float64, 15 digits) reads back as the same decimal.
          // A word in a column of figures (耗尽, exhausted) stays a word.
          return c?.numeric && typeof out === 'string' && out !== '' && Number.isFinite(Number(out)) ? Number(out) : out;
        }),
      );
    }
    table.columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      col.width = Math.min(40, Math.max(10, c.label.length * 2));
      if (c.numeric) col.numFmt = '#,##0.00';
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
