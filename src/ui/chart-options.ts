/**
 * The charts' ECharts options, built from the worker's plain data: one home
 * for each chart, drawn alike in the workbench and in the printed report.
 */
import type { FundView, RunView, ThresholdsView } from '../app/views.ts';
import { t } from './i18n.ts';
import { lineName, wanAxis } from './labels.ts';
import { isExhausted, monthsPayable, num } from './format.ts';
import { fundLines, LEVELS } from './tables.ts';

// Distinct, not alarming: red is kept for deficits and warnings.
const PALETTE = ['#0b5cad', '#2f8f5b', '#c27c0e', '#8e3b9e', '#3b8fb5', '#6b7a8f', '#9c6b3a', '#4f5bd5', '#5f9e3a'];

/**
 * What every chart shares: no animation, an axis tooltip, the legend below, the years along the bottom. The
 * grid's margins leave room for the axes' labels, so ECharts does not lay the labels out a second time to
 * find whether they fit (`outerBoundsMode`).
 */
function frame(years: string[], right = 16) {
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: 64, right, top: 36, bottom: 52, outerBoundsMode: 'none' },
    xAxis: { type: 'category', data: years },
  };
}

/** A fund's cumulative balance (bars) and months payable (line) against the warning bands. */
export function balanceOption(f: FundView, th: ThresholdsView | undefined) {
  const years = f.years.map((y) => String(y.year));
  const bands =
    th && th.low && th.normalLow && th.normalHigh && th.high
      ? [
          [{ yAxis: 0, name: t('lowBand'), itemStyle: { color: 'rgba(179,38,30,0.10)' } }, { yAxis: Number(th.low) }],
          [{ yAxis: Number(th.normalLow), name: t('normalBand'), itemStyle: { color: 'rgba(30,122,69,0.12)' } }, { yAxis: Number(th.normalHigh) }],
          [{ yAxis: Number(th.high), name: t('highBand'), itemStyle: { color: 'rgba(161,92,0,0.08)' } }, { yAxis: 'max' }],
        ]
      : [];
  return {
    ...frame(years, 56),
    yAxis: [
      { type: 'value', ...wanAxis(f.years.map((y) => num(y.cumulative))) },
      { type: 'value', name: t('monthsPayable'), splitLine: { show: false } },
    ],
    series: [
      { name: t('cumulative'), type: 'bar', data: f.years.map((y) => num(y.cumulative)), itemStyle: { color: (p: { value: number }) => (p.value < 0 ? '#b3261e' : '#0b5cad') } },
      {
        name: t('monthsPayable'),
        type: 'line',
        yAxisIndex: 1,
        // An exhausted fund has no months left: drawn at 0 in red, and named so in the tooltip, never below 0.
        data: f.years.map((y) => (isExhausted(y.monthsPayable) ? { value: 0, itemStyle: { color: '#b3261e' } } : num(y.monthsPayable))),
        tooltip: { valueFormatter: (_v: unknown, i: number) => monthsPayable(f.years[i]?.monthsPayable) },
        itemStyle: { color: '#c27c0e' },
        // The bands are named in a line under the chart (bandsNote): labels inside them collide with the ticks.
        markArea: { silent: true, label: { show: false }, data: bands },
      },
    ],
  };
}

/** A fund's income by source (stacked bars) against its expenditure (line). */
export function incomeOption(f: FundView) {
  const years = f.years.map((y) => String(y.year));
  const incomeLines = fundLines(f, 'incomeBySource');
  const base = frame(years);
  return {
    ...base,
    // Expenditure named first: where the legend pages (a phone, a long list of sources), its line is still named on the first page.
    legend: { ...base.legend, data: [t('expenditure'), ...incomeLines.map(lineName)] },
    color: PALETTE,
    yAxis: { type: 'value', ...wanAxis(f.years.flatMap((y) => [num(y.income), num(y.expenditure)])) },
    series: [
      ...incomeLines.map((l) => ({ name: lineName(l), type: 'bar', stack: 'income', data: f.years.map((y) => num(y.incomeBySource[l])) })),
      { name: t('expenditure'), type: 'line', data: f.years.map((y) => num(y.expenditure)), itemStyle: { color: '#1b2430' }, lineStyle: { width: 2 } },
    ],
  };
}


/** The subsidy each government level pays, stacked by level. */
export function subsidyOption(r: RunView) {
  return {
    ...frame(r.subsidy.map((s) => String(s.year))),
    color: ['#0b5cad', '#2f8f5b', '#c27c0e', '#8e3b9e', '#6b7a8f'],
    yAxis: { type: 'value', ...wanAxis(r.subsidy.map((s) => LEVELS.reduce((sum, k) => sum + Number(s[k]), 0))) },
    series: LEVELS.filter((k) => r.subsidy.some((s) => num(s[k]) !== 0)).map((k) => ({ name: t(k), type: 'bar', stack: 's', data: r.subsidy.map((s) => num(s[k])) })),
  };
}

type Series = { name: string; type: string; itemStyle?: { color?: unknown } };

/**
 * A chart's series as a legend names them: name, colour (a colour by sign: the positive one) and kind, in
 * the series' order. ECharts gives a series without a colour of its own the palette's next colour.
 */
export function legendEntries(option: { color?: string[]; series: Series[] }): { name: string; color: string; kind: 'bar' | 'line' }[] {
  let next = 0;
  return option.series.map((s) => {
    const own = s.itemStyle?.color;
    const color = typeof own === 'string' ? own : typeof own === 'function' ? String(own({ value: 1 })) : (option.color ?? PALETTE)[next++ % (option.color ?? PALETTE).length]!;
    return { name: s.name, color, kind: s.type === 'line' ? 'line' : 'bar' };
  });
}

/**
 * A chart as printed: its legend written beside it (`legendEntries`) rather than drawn in it, where a
 * long one would page (a page cannot be turned) or take the plot's height.
 */
export function printedOption<O extends { legend: object; grid: object }>(option: O): O {
  return { ...option, legend: { ...option.legend, show: false }, grid: { ...option.grid, bottom: 28 } };
}

/** The warning bands in words, under a balance chart: "warning bands of months payable: below 3 …". */
export function bandsNote(th: ThresholdsView | undefined): string {
  if (!th || !th.low || !th.normalLow || !th.normalHigh || !th.high) return '';
  return `${t('bandsOf')}: ${t('lowBand')} < ${th.low} · ${t('normalBand')} ${th.normalLow}–${th.normalHigh} · ${t('highBand')} > ${th.high}`;
}

/**
 * Several scenarios' values of one indicator as lines, each named by its place in the comparison. The
 * legend names every scenario at once and wraps (a scrolling legend pages on a phone, and then which
 * line is which scenario is hidden behind its arrows): two names a line, one a line on a phone, where a
 * long title breaks within the screen.
 */
export function compareOption(years: string[], series: { name: string; values: (number | null)[] }[], unit: 'wan' | 'months') {
  const n = series.length;
  return {
    ...frame(years),
    legend: { bottom: 0, left: 8, right: 8, type: 'plain' },
    grid: { left: 64, right: 16, top: 36, bottom: 30 + 22 * Math.ceil(n / 2), outerBoundsMode: 'none' },
    media: [{ query: { maxWidth: 520 }, option: { grid: { left: 52, bottom: 30 + 34 * n }, legend: { itemGap: 6, textStyle: { fontSize: 11, width: 280, overflow: 'break' } } } }],
    color: ['#0b5cad', '#c27c0e', '#2f8f5b', '#8e3b9e'],
    yAxis: unit === 'wan' ? { type: 'value', ...wanAxis(series.flatMap((s) => s.values)) } : { type: 'value', name: t('monthsPayable') },
    // Months payable of an exhausted fund: drawn at 0 in red and named 耗尽 in the tooltip, as on the balance chart.
    series: series.map((s) =>
      unit === 'months'
        ? { name: s.name, type: 'line', data: s.values.map((v) => (isExhausted(v) ? { value: 0, itemStyle: { color: '#b3261e' } } : v)), tooltip: { valueFormatter: (_v: unknown, i: number) => monthsPayable(s.values[i]) } }
        : { name: s.name, type: 'line', data: s.values },
    ),
  };
}
