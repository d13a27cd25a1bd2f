/**
 * The uncertainty and sensitivity panel's charts and tables, built from the
 * worker's plain data: the tornado, the two-lever heat map, a goal seek's
 * years. One definition each, for the chart, its 数据表 and its CSV.
 */
import type { GridView, SensitivityView } from '../app/analyses-service.ts';
import type { MonteCarloView } from '../app/uncertainty-service.ts';
import type { ThresholdsView } from '../app/views.ts';
import { D } from '../common/money.ts';
import { wanAxis } from './labels.ts';
import type { OutcomeSpec } from '../analyses/outcomes.ts';
import type { Swing } from '../analyses/sensitivity.ts';
import type { YearCheck } from '../analyses/goal-seek.ts';
import { getLocale, pick, t } from './i18n.ts';
import { unitLabel, wan } from './format.ts';
import { a, fill } from './locales/analyses.ts';
import type { Column, Table } from './tables.ts';

type TornadoView = Extract<SensitivityView, { ok: true }>;
type HeatView = Extract<GridView, { ok: true }>;

/** An outcome as shown: subsidies (元 in the data) in 万元, months payable to 2 places, years as years. */
export function outcomeValue(spec: OutcomeSpec, v: number | undefined | null): number | null {
  if (v === undefined || v === null) return null;
  return spec.kind === 'subsidy' ? Math.round(v / 100) / 100 : spec.kind === 'months-payable' ? Math.round(v * 100) / 100 : v;
}

/** The outcome's unit in words: 万元, 月, 年. */
export function outcomeUnit(spec: OutcomeSpec): string {
  return spec.kind === 'subsidy' ? t('unitWan') : spec.kind === 'months-payable' ? unitLabel('months') : getLocale() === 'en' ? 'year' : '年';
}

/** A swing's stated range, as labelled beside its bar: "-10% ~ +10%" of a path, "2.5 ~ 6.5" of an assumption. */
export function swingRange(s: Swing): string {
  if (s.setting.kind === 'parameter-shift') {
    const unit = s.setting.relative ? '%' : '';
    return `${s.low}${unit} ~ +${s.high}${unit}`;
  }
  return `${s.low} ~ ${s.high}`;
}

function barLabel(s: Swing): string {
  return `${pick(s.label)}\n${swingRange(s)}`;
}

/** Horizontal bars, longest on top: the outcome at each item's low and high, as a change from the scenario as is. */
export function tornadoOption(v: TornadoView) {
  const spec = v.tornado.outcome;
  const base = outcomeValue(spec, v.tornado.base);
  const bars = v.tornado.bars;
  const diff = (x: number | undefined) => {
    const o = outcomeValue(spec, x);
    return o === null || base === null ? null : Math.round((o - base) * 100) / 100;
  };
  return {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 8, right: 24, top: 28, bottom: 40, containLabel: true },
    xAxis: { type: 'value', name: `${a('changeFromBase')} (${outcomeUnit(spec)})`, nameLocation: 'middle', nameGap: 24 },
    yAxis: { type: 'category', inverse: true, data: bars.map((b) => barLabel(b.swing)), axisLabel: { fontSize: 11, lineHeight: 14 } },
    series: [
      { name: a('low'), type: 'bar', barGap: '-100%', data: bars.map((b) => diff(b.low)), itemStyle: { color: '#c27c0e' } },
      { name: a('high'), type: 'bar', barGap: '-100%', data: bars.map((b) => diff(b.high)), itemStyle: { color: '#0b5cad' } },
    ],
  };
}

export function tornadoTable(v: TornadoView): Table {
  const spec = v.tornado.outcome;
  const num = (x: number | undefined) => outcomeValue(spec, x);
  const n: Column = { label: '', numeric: true, format: (c) => (c === null ? '—' : String(c)) };
  return {
    id: 'tornado',
    caption: `${pick(v.outcome)} (${outcomeUnit(spec)}) · ${a('base')} ${num(v.tornado.base) ?? '—'}`,
    columns: [{ label: a('item') }, { label: a('range') }, { ...n, label: a('atLow') }, { ...n, label: a('atHigh') }, { ...n, label: a('effect') }, { label: a('why') }],
    rows: v.tornado.bars.map((b) => [pick(b.swing.label), swingRange(b.swing), num(b.low), num(b.high), num(b.effect), pick(b.swing.why)]),
  };
}

/** Rows × columns of the outcome, coloured from low (red) to high (green), the numbers in the cells where they fit. */
export function heatmapOption(v: HeatView) {
  const spec = v.grid.outcome;
  const data: [number, number, number | null][] = [];
  v.grid.cells.forEach((row, i) => row.forEach((c, j) => data.push([j, i, outcomeValue(spec, c)])));
  const values = data.map((d) => d[2]).filter((x): x is number => x !== null);
  const min = values.length ? Math.min(...values) : 0;
  const max = values.length ? Math.max(...values) : 1;
  const colours = spec.kind === 'subsidy' ? ['#1e7a45', '#f3e3a0', '#b3261e'] : ['#b3261e', '#f3e3a0', '#1e7a45'];
  const fits = v.grid.rows.values.length <= 10 && v.grid.columns.values.length <= 10;
  return {
    animation: false,
    tooltip: { position: 'top' },
    grid: { left: 8, right: 16, top: 36, bottom: 72, containLabel: true },
    xAxis: { type: 'category', data: v.grid.columns.values, name: `${pick(v.columns.label)} ${unitLabel(v.columns.unit)}`, nameLocation: 'middle', nameGap: 26, splitArea: { show: true } },
    // The rows' lever is named above the chart (axisNames): a vertical axis name does not fit a phone.
    yAxis: { type: 'category', data: v.grid.rows.values, splitArea: { show: true } },
    visualMap: { min, max: max === min ? min + 1 : max, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, inRange: { color: colours }, text: [String(max), String(min)] },
    series: [{ name: pick(v.outcome), type: 'heatmap', data, label: { show: fits, fontSize: 10 }, emphasis: { itemStyle: { borderColor: '#1b2430', borderWidth: 1 } } }],
  };
}

/** The heat map's two levers in words: "纵轴：… · 横轴：…". */
export function axisNames(v: HeatView): string {
  return `${a('rows')}: ${pick(v.rows.label)} ${unitLabel(v.rows.unit)} · ${a('columns')}: ${pick(v.columns.label)} ${unitLabel(v.columns.unit)}`;
}

/** The outcome in words, with the fund by its name: "城乡居民基本医疗保险 2035 年可支付月数". */
export function outcomeTitle(spec: OutcomeSpec, funds: { id: string; name: { zh: string; en: string } }[]): string {
  const fund = 'fund' in spec ? pick(funds.find((f) => f.id === spec.fund)?.name ?? { zh: spec.fund, en: spec.fund }) : '';
  if (spec.kind === 'months-payable') return getLocale() === 'en' ? `${fund}: months payable in ${spec.year}` : `${fund} ${spec.year} 年可支付月数`;
  if (spec.kind === 'first-deficit-year') return `${fund}: ${a('outcomeDeficit')}`;
  return `${a('outcomeSubsidy')}: ${spec.level === 'total' ? a('allLevels') : t(spec.level)} (${t('unitWan')})`;
}

export function heatmapTable(v: HeatView): Table {
  const spec = v.grid.outcome;
  const n = (label: string): Column => ({ label, numeric: true, format: (c) => (c === null ? '—' : String(c)) });
  return {
    id: 'heatmap',
    caption: `${pick(v.outcome)} (${outcomeUnit(spec)}): ${pick(v.rows.label)} × ${pick(v.columns.label)}`,
    columns: [{ label: `${pick(v.rows.label)} \\ ${pick(v.columns.label)}` }, ...v.grid.columns.values.map((c) => n(c))],
    rows: v.grid.rows.values.map((r, i) => [r, ...v.grid.cells[i]!.map((c) => outcomeValue(spec, c))]),
  };
}

/** A goal seek's years on the exact projection: the value and whether it meets the target. */
export function solveTable(years: YearCheck[], indicator: string): Table {
  return {
    id: 'goal-seek',
    caption: `${a('confirmed')} ${indicator}`,
    columns: [{ label: t('year') }, { label: indicator, numeric: true, format: (c) => (c === null ? '—' : Number(c).toFixed(2)) }, { label: a('meets'), format: (c) => (c ? a('yes') : a('no')), export: (c) => (c ? a('yes') : a('no')) }],
    rows: years.map((y) => [y.year, y.value ?? null, y.meets ? 1 : 0]),
  };
}

type McView = Extract<MonteCarloView, { ok: true }>;
type McFund = McView['result']['funds'][number];

/** Percentile index in the result's list (5, 25, 50, 75, 95). */
function pIndex(v: McView, p: number): number {
  return v.result.percentiles.indexOf(p);
}

/**
 * A fan: the 5-95 and 25-75 bands (stacked areas over the 5th percentile), the median line and the
 * scenario as stated (dashed). Cumulative balance in 万元 (亿元 on the axis where it reaches 10 000 万元),
 * or months payable against the warning bands.
 */
export function fanOption(v: McView, fund: McFund, measure: 'cumulative' | 'monthsPayable', th: ThresholdsView | undefined) {
  const years = fund.years.map((y) => String(y.year));
  const at = (p: number) =>
    fund.years.map((y) => {
      const x = measure === 'cumulative' ? y.cumulative[pIndex(v, p)] : y.monthsPayable[pIndex(v, p)];
      return x === null || x === undefined ? null : measure === 'cumulative' ? Number(x) / 10000 : Number(x);
    });
  const [p5, p25, p50, p75, p95] = [5, 25, 50, 75, 95].map(at) as (number | null)[][];
  const diff = (hi: (number | null)[], lo: (number | null)[]) => hi.map((h, i) => (h === null || lo[i] === null ? null : h - lo[i]!));
  const stated = v.result.deterministic.find((d) => d.id === fund.id)?.years ?? [];
  const det = fund.years.map((y) => {
    const s = stated.find((x) => x.year === y.year);
    if (!s) return null;
    return measure === 'cumulative' ? Number(s.cumulative) / 10000 : s.monthsPayable;
  });
  const band = (name: string, data: (number | null)[], colour: string) => ({
    name,
    type: 'line',
    stack: 'fan',
    stackStrategy: 'all',
    symbol: 'none',
    lineStyle: { opacity: 0 },
    itemStyle: { color: colour },
    areaStyle: { color: colour },
    data,
    tooltip: { show: false },
  });
  const bands =
    measure === 'monthsPayable' && th && th.low && th.normalLow && th.normalHigh && th.high
      ? [
          [{ yAxis: 0, itemStyle: { color: 'rgba(179,38,30,0.12)' } }, { yAxis: Number(th.low) }],
          [{ yAxis: Number(th.normalLow), itemStyle: { color: 'rgba(30,122,69,0.14)' } }, { yAxis: Number(th.normalHigh) }],
        ]
      : [];
  const axis = measure === 'cumulative' ? { type: 'value', ...wanAxis([...p5!, ...p95!]) } : { type: 'value', name: t('monthsPayable') };
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0, type: 'scroll', data: [a('band5to95'), a('band25to75'), a('median'), a('asStated')] },
    grid: { left: 64, right: 16, top: 36, bottom: 52 },
    xAxis: { type: 'category', data: years, boundaryGap: false },
    yAxis: axis,
    series: [
      { name: 'p5', type: 'line', stack: 'fan', stackStrategy: 'all', symbol: 'none', lineStyle: { opacity: 0 }, data: p5, tooltip: { show: false } },
      band(a('band5to95'), diff(p25!, p5!), 'rgba(11,92,173,0.15)'),
      band(a('band25to75'), diff(p75!, p25!), 'rgba(11,92,173,0.35)'),
      band(a('band5to95'), diff(p95!, p75!), 'rgba(11,92,173,0.15)'),
      { name: a('median'), type: 'line', symbol: 'none', data: p50, itemStyle: { color: '#0b3d6e' }, lineStyle: { width: 2 }, markArea: { silent: true, label: { show: false }, data: bands } },
      { name: a('asStated'), type: 'line', symbol: 'none', data: det, itemStyle: { color: '#c27c0e' }, lineStyle: { type: 'dashed', width: 2 } },
    ],
  };
}

/** The share of paths whose cumulative balance is exhausted by each year, in percent. */
export function exhaustionOption(fund: McFund) {
  return {
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: (x: number) => `${x}%` },
    grid: { left: 56, right: 16, top: 36, bottom: 32 },
    xAxis: { type: 'category', data: fund.years.map((y) => String(y.year)) },
    yAxis: { type: 'value', name: '%', min: 0, max: 100 },
    series: [{ name: a('exhaustedBy'), type: 'bar', data: fund.years.map((y) => Math.round(y.exhaustedBy * 1000) / 10), itemStyle: { color: '#b3261e' } }],
  };
}

/** Per year: the percentiles of the cumulative balance (万元, exact) and of months payable, and the exhaustion probability. */
export function percentileTable(v: McView, fund: McFund, fundName: string): Table {
  const ps = v.result.percentiles;
  const money = (label: string): Column => ({ label, numeric: true, format: wan as Column['format'] });
  const months = (label: string): Column => ({ label, numeric: true, format: (c) => (c === null ? '—' : Number(c).toFixed(2)) });
  return {
    id: `${fund.id}-monte-carlo`,
    caption: `${fundName} · ${a('monteCarlo')}: ${fill(a('pathsSeed'), { paths: v.result.paths, seed: v.result.seed })} (${t('unitWan')})`,
    columns: [
      { label: t('year') },
      ...ps.map((p) => money(`${t('cumulative')} P${p}`)),
      ...ps.map((p) => months(`${t('monthsPayable')} P${p}`)),
      { label: `${a('exhaustedBy')} (%)`, numeric: true, format: (c) => (c === null ? '—' : String(c)) },
    ],
    rows: fund.years.map((y) => [
      y.year,
      ...y.cumulative.map((c) => new D(c).dividedBy(10000).toFixed()),
      ...y.monthsPayable.map((m) => m),
      Math.round(y.exhaustedBy * 10000) / 100,
    ]),
  };
}
