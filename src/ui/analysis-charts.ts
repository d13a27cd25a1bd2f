/**
 * The uncertainty and sensitivity panel's charts and tables, built from the
 * worker's plain data: the tornado, the two-lever heat map, a goal seek's
 * years. One definition each, for the chart, its 数据表 and its CSV.
 */
import type { GridSide, GridView, SensitivityView } from '../app/analyses-service.ts';
import type { MonteCarloView } from '../app/uncertainty-service.ts';
import type { ThresholdsView } from '../app/views.ts';
import { D } from '../common/money.ts';
import { wanAxis } from './labels.ts';
import type { OutcomeSpec } from '../analyses/outcomes.ts';
import type { Swing } from '../analyses/sensitivity.ts';
import type { Target, YearCheck } from '../analyses/goal-seek.ts';
import { assumptionLabel } from './assumption-labels.ts';
import { FUND_NAMES } from '../report/names.ts';
import { getLocale, pick, t } from './i18n.ts';
import { fmt, isExhausted, unitLabel, wan } from './format.ts';
import { ANALYSES, a, fill } from './locales/analyses.ts';
import { exhaustedExport, type Column, type Table } from './tables.ts';

type TornadoView = Extract<SensitivityView, { ok: true }>;
type HeatView = Extract<GridView, { ok: true }>;

/** A number for the eye: thousands separated, at most `digits` places ("1,260", "0.5", "-11.28"). */
export function figure(v: number | string, digits = 2, least = 0): string {
  return fmt(digits, least).format(Number(v));
}

/** Months payable for the eye, as the workbench writes them (format.ts: 耗尽 / exhausted below zero), to 2 places as a goal seek needs. */
export function monthsText(v: number | string | null | undefined): string {
  if (v === null || v === undefined) return '—';
  return isExhausted(v) ? t('exhaustedShort') : figure(v, 2, 2);
}

/** An outcome value as shown, with months payable below zero as exhausted. */
export function outcomeText(spec: OutcomeSpec, v: number | null): string {
  if (v === null) return '—';
  return spec.kind === 'months-payable' ? monthsText(v) : spec.kind === 'subsidy' ? figure(v) : String(v);
}

/**
 * An assumption or a parameter as the rest of the workbench names it: a parameter by its name in
 * rules/parameters.json, an assumption ("wageGrowth", "growth.resident") by the assumption list's name.
 */
export function leverLabel(name: string, kind: 'parameter' | 'assumption' | 'parameter-shift', label: { zh: string; en: string }): string {
  if (kind !== 'assumption') return pick(label);
  const path = `assumptions/${name.replace('.', '/')}`;
  const named = assumptionLabel(path);
  return named === path ? pick(label) : named;
}

/** A lever's unit as written beside a value: 元/年, %, 倍 … */
export function leverUnit(unit: string, lang?: 'zh' | 'en'): string {
  if (unit === 'ratio') return lang ? ANALYSES.timesUnit[lang] : a('timesUnit');
  return unitLabel(unit, lang);
}

/** An outcome as shown: subsidies (元 in the data) in 万元, months payable to 2 places, years as years. */
export function outcomeValue(spec: OutcomeSpec, v: number | undefined | null): number | null {
  if (v === undefined || v === null) return null;
  return spec.kind === 'subsidy' ? Math.round(v / 100) / 100 : spec.kind === 'months-payable' ? Math.round(v * 100) / 100 : v;
}

/** The outcome's unit in words: 万元, 月, 年. */
export function outcomeUnit(spec: OutcomeSpec): string {
  return spec.kind === 'subsidy' ? t('unitWan') : spec.kind === 'months-payable' ? unitLabel('months') : getLocale() === 'en' ? 'year' : '年';
}

/**
 * A swing's stated range with its unit, as labelled beside its bar: "-10% ~ +10%" of a parameter's path,
 * "-0.5 ~ +0.5 个百分点" of a rate shifted, "3% ~ 7%" or "2.5 ~ 3.5 倍" of an assumption.
 */
export function swingRange(s: Swing, unit: string): string {
  if (s.setting.kind === 'parameter-shift') {
    if (s.setting.relative) return `${s.low}% ~ +${s.high}%`;
    const by = unit === 'percent' ? ` ${a('pointsUnit')}` : ` ${leverUnit(unit)}`;
    return `${s.low} ~ +${s.high}${by}`;
  }
  if (unit === 'percent') return `${figure(s.low)}% ~ ${figure(s.high)}%`;
  return `${figure(s.low)} ~ ${figure(s.high)} ${leverUnit(unit)}`.trim();
}

type Item = TornadoView['items'][string];

function itemOf(v: TornadoView, s: Swing): Item {
  const name = s.setting.kind === 'assumption' ? s.setting.name : s.setting.param;
  return v.items?.[name] ?? { label: s.label, unit: '', kind: s.setting.kind === 'assumption' ? 'assumption' : 'parameter' };
}

/** The bar's item by name, marked where it is an assumption rather than a policy lever. */
export function swingName(v: TornadoView, s: Swing): string {
  const item = itemOf(v, s);
  const name = leverLabel(s.setting.kind === 'assumption' ? s.setting.name : s.setting.param, item.kind, item.label);
  return item.kind === 'assumption' ? `${name}${a('assumptionMark')}` : name;
}

function barLabel(v: TornadoView, s: Swing): string {
  return `${swingName(v, s)}\n${swingRange(s, itemOf(v, s).unit)}`;
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
  const unit = outcomeUnit(spec);
  // On hover or focus: the item, whether it is an assumption, its range, the outcome at each end, and why this range.
  const tip = (params: { dataIndex: number }[]) => {
    const b = bars[params[0]?.dataIndex ?? 0];
    if (!b) return '';
    const item = itemOf(v, b.swing);
    const esc = (x: string) => x.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    return [
      `<b>${esc(swingName(v, b.swing))}</b> · ${esc(item.kind === 'assumption' ? a('kindAssumption') : a('kindLever'))}`,
      `${esc(a('range'))}: ${esc(swingRange(b.swing, item.unit))}`,
      `${esc(a('atLow'))}: ${esc(outcomeText(spec, outcomeValue(spec, b.low)))} ${esc(unit)}`,
      `${esc(a('atHigh'))}: ${esc(outcomeText(spec, outcomeValue(spec, b.high)))} ${esc(unit)}`,
      `<span style="white-space:normal">${esc(pick(b.swing.why))}</span>`,
    ].join('<br>');
  };
  return {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: tip, extraCssText: 'max-width:300px;white-space:normal', confine: true },
    legend: { bottom: 0 },
    grid: { left: 8, right: 24, top: 28, bottom: 40, containLabel: true },
    xAxis: { type: 'value', name: `${a('changeFromBase')} (${unit})`, nameLocation: 'middle', nameGap: 24, axisLabel: { formatter: (x: number) => figure(x) } },
    yAxis: { type: 'category', inverse: true, data: bars.map((b) => barLabel(v, b.swing)), axisLabel: { fontSize: 11, lineHeight: 14, width: 220, overflow: 'break' } },
    series: [
      { name: a('low'), type: 'bar', barGap: '-100%', barCategoryGap: '25%', data: bars.map((b) => diff(b.low)), itemStyle: { color: '#c27c0e' } },
      { name: a('high'), type: 'bar', barGap: '-100%', barCategoryGap: '25%', data: bars.map((b) => diff(b.high)), itemStyle: { color: '#0b5cad' } },
    ],
    // A phone: the names take less of the width, so the bars keep some.
    media: [{ query: { maxWidth: 520 }, option: { yAxis: { axisLabel: { width: 110, fontSize: 10, lineHeight: 12 } }, grid: { right: 8 } } }],
  };
}

export function tornadoTable(v: TornadoView): Table {
  const spec = v.tornado.outcome;
  const num = (x: number | undefined) => outcomeValue(spec, x);
  const unit = outcomeUnit(spec);
  const n: Column = { label: '', numeric: true, format: (c) => outcomeText(spec, c === null ? null : Number(c)) };
  return {
    id: 'tornado',
    caption: `${outcomeTitle(spec)} (${unit}) · ${a('base')} ${outcomeText(spec, num(v.tornado.base))}`,
    columns: [
      { label: a('item') },
      { label: a('kind') },
      { label: a('range') },
      { ...n, label: `${a('atLow')} (${unit})` },
      { ...n, label: `${a('atHigh')} (${unit})` },
      { label: `${a('effect')} (${unit})`, numeric: true, format: (c) => (c === null ? '—' : figure(Number(c))) },
      { label: a('why') },
    ],
    rows: v.tornado.bars.map((b) => {
      const item = itemOf(v, b.swing);
      return [swingName(v, b.swing), item.kind === 'assumption' ? a('kindAssumption') : a('kindLever'), swingRange(b.swing, item.unit), num(b.low), num(b.high), num(b.effect), pick(b.swing.why)];
    }),
  };
}

/** A heat map's lever by name, with its unit: "个人缴费标准 (元/年)", an assumption marked as one. */
export function sideName(side: GridSide): string {
  const unit = leverUnit(side.unit);
  const name = leverLabel(side.name, side.kind, side.label);
  return `${name}${side.kind === 'assumption' ? `${a('assumptionMark')}` : ''}${unit ? ` (${unit})` : ''}`;
}

/**
 * Rows × columns of the outcome, coloured from low (red) to high (green), the numbers in the cells where
 * they fit; months payable below zero (the fund exhausted) coloured as zero and written as exhausted.
 */
export function heatmapOption(v: HeatView) {
  const spec = v.grid.outcome;
  const months = spec.kind === 'months-payable';
  // [column, row, value for the colour, the outcome as computed]
  const data: [number, number, number | null, number | null][] = [];
  v.grid.cells.forEach((row, i) =>
    row.forEach((c, j) => {
      const o = outcomeValue(spec, c);
      data.push([j, i, o === null ? null : months ? Math.max(0, o) : o, o]);
    }),
  );
  const values = data.map((d) => d[2]).filter((x): x is number => x !== null);
  const min = values.length ? Math.min(...values) : 0;
  const max = values.length ? Math.max(...values) : 1;
  const colours = spec.kind === 'subsidy' ? ['#1e7a45', '#f3e3a0', '#b3261e'] : ['#b3261e', '#f3e3a0', '#1e7a45'];
  const fits = v.grid.rows.values.length <= 10 && v.grid.columns.values.length <= 10;
  const unit = outcomeUnit(spec);
  const cell = (d: [number, number, number | null, number | null]) => outcomeText(spec, d[3]);
  const esc = (x: string) => x.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return {
    animation: false,
    tooltip: {
      position: 'top',
      confine: true,
      formatter: (p: { data: [number, number, number | null, number | null] }) =>
        [
          `${esc(sideName(v.rows))}: ${figure(v.grid.rows.values[p.data[1]]!)}`,
          `${esc(sideName(v.columns))}: ${figure(v.grid.columns.values[p.data[0]]!)}`,
          `<b>${esc(outcomeTitle(spec))}: ${esc(cell(p.data))} ${p.data[3] !== null && !(months && p.data[3] < 0) ? esc(unit) : ''}</b>`,
        ].join('<br>'),
    },
    grid: { left: 8, right: 16, top: 44, bottom: 72, containLabel: true },
    xAxis: {
      type: 'category',
      data: v.grid.columns.values,
      name: sideName(v.columns),
      nameLocation: 'middle',
      nameGap: 26,
      splitArea: { show: true },
      axisLabel: { formatter: (x: string) => figure(x) },
    },
    // The rows' lever is named above the axis, written across: a vertical name does not fit a phone.
    yAxis: {
      type: 'category',
      data: v.grid.rows.values,
      name: sideName(v.rows),
      nameLocation: 'end',
      nameGap: 12,
      nameTextStyle: { align: 'left', fontWeight: 'bold' },
      splitArea: { show: true },
      axisLabel: { formatter: (x: string) => figure(x) },
    },
    visualMap: {
      min,
      max: max === min ? min + 1 : max,
      dimension: 2,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 120,
      inRange: { color: colours },
      text: [`${figure(max)} ${unit}`, `${months && min <= 0 ? t('exhaustedShort') : figure(min)} ${months && min <= 0 ? '' : unit}`.trim()],
    },
    series: [
      {
        name: outcomeTitle(spec),
        type: 'heatmap',
        data,
        label: { show: fits, fontSize: 10, formatter: (p: { data: [number, number, number | null, number | null] }) => cell(p.data) },
        emphasis: { itemStyle: { borderColor: '#1b2430', borderWidth: 1 } },
      },
    ],
  };
}

/** The heat map's two levers in words: "纵轴：… · 横轴：…". */
export function axisNames(v: HeatView): string {
  return `${a('rowsAxis')}: ${sideName(v.rows)} · ${a('columnsAxis')}: ${sideName(v.columns)}`;
}

/** The outcome in words, with the fund by its name: "城乡居民基本医疗保险 2035 年可支付月数". */
export function outcomeTitle(spec: OutcomeSpec, funds: { id: string; name: { zh: string; en: string } }[] = ALL_FUNDS): string {
  const fund = 'fund' in spec ? pick(funds.find((f) => f.id === spec.fund)?.name ?? { zh: spec.fund, en: spec.fund }) : '';
  if (spec.kind === 'months-payable') return getLocale() === 'en' ? `${fund}: months payable in ${spec.year}` : `${fund} ${spec.year} 年可支付月数`;
  if (spec.kind === 'first-deficit-year') return `${fund}: ${a('outcomeDeficit')}`;
  return `${a('outcomeSubsidy')}: ${spec.level === 'total' ? a('allLevels') : t(spec.level)}`;
}

const ALL_FUNDS = Object.entries(FUND_NAMES).map(([id, name]) => ({ id, name }));

export function heatmapTable(v: HeatView): Table {
  const spec = v.grid.outcome;
  const n = (label: string): Column => ({ label, numeric: true, format: (c) => outcomeText(spec, c === null ? null : Number(c)), ...(spec.kind === 'months-payable' ? { export: exhaustedExport } : {}) });
  return {
    id: 'heatmap',
    caption: `${outcomeTitle(spec)} (${outcomeUnit(spec)}): ${sideName(v.rows)} × ${sideName(v.columns)}`,
    // on screen grouped (1,020); in the CSV and the workbook plain numbers (1020), heads included
    columns: [{ label: `${sideName(v.rows)} \\ ${sideName(v.columns)}`, format: (c) => figure(c ?? '') }, ...v.grid.columns.values.map((c) => ({ ...n(figure(c)), exportLabel: String(c) }))],
    rows: v.grid.rows.values.map((r, i) => [r, ...v.grid.cells[i]!.map((c) => outcomeValue(spec, c))]),
  };
}

/** A goal seek's target in words, the fund by its name: "城乡居民基本医疗保险：可支付月数不低于 12，2026-2035 年每年". */
export function targetText(target: Target, funds: { id: string; name: { zh: string; en: string } }[] = ALL_FUNDS): string {
  const fund = pick(funds.find((f) => f.id === target.fund)?.name ?? { zh: target.fund, en: target.fund });
  const what = a(target.indicator === 'balanceRate' ? 'balanceRate' : 'monthsPayable');
  const bound =
    target.atLeast !== undefined && target.atMost !== undefined
      ? fill(a('boundBetween'), { low: figure(target.atLeast), high: figure(target.atMost) })
      : target.atLeast !== undefined
        ? fill(a('boundAtLeast'), { value: figure(target.atLeast) })
        : fill(a('boundAtMost'), { value: figure(target.atMost!) });
  return fill(a('targetText'), { fund, what, bound, from: target.from, until: target.until });
}

/**
 * The year whose value is nearest its bound: the one that decides the answer (for "at least", the lowest
 * year; for "at most", the highest; for a band, the nearest either side).
 */
export function bindingYear(years: YearCheck[], target: Target): number | undefined {
  let best: number | undefined;
  let margin = Infinity;
  for (const y of years) {
    if (y.value === undefined) continue;
    const v = Number(y.value);
    const m = Math.min(target.atLeast !== undefined ? v - Number(target.atLeast) : Infinity, target.atMost !== undefined ? Number(target.atMost) - v : Infinity);
    if (m < margin) {
      margin = m;
      best = y.year;
    }
  }
  return best;
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
 * or months payable against the warning bands, named in the legend; months payable below zero (the fund
 * exhausted) are drawn at zero and called exhausted. The legend wraps rather than pages, so on a phone
 * the median and the deterministic line stay named.
 */
export function fanOption(v: McView, fund: McFund, measure: 'cumulative' | 'monthsPayable', th: ThresholdsView | undefined) {
  const years = fund.years.map((y) => String(y.year));
  const months = measure === 'monthsPayable';
  const raw = (p: number) =>
    fund.years.map((y) => {
      const x = measure === 'cumulative' ? y.cumulative[pIndex(v, p)] : y.monthsPayable[pIndex(v, p)];
      return x === null || x === undefined ? null : measure === 'cumulative' ? Number(x) / 10000 : Number(x);
    });
  const drawn = (xs: (number | null)[]) => (months ? xs.map((x) => (x === null ? null : Math.max(0, x))) : xs);
  const rawP = [5, 25, 50, 75, 95].map(raw);
  const [p5, p25, p50, p75, p95] = rawP.map(drawn) as (number | null)[][];
  const diff = (hi: (number | null)[], lo: (number | null)[]) => hi.map((h, i) => (h === null || lo[i] === null ? null : h - lo[i]!));
  const stated = v.result.deterministic.find((d) => d.id === fund.id)?.years ?? [];
  const detRaw = fund.years.map((y) => {
    const s = stated.find((x) => x.year === y.year);
    if (!s) return null;
    return measure === 'cumulative' ? Number(s.cumulative) / 10000 : s.monthsPayable;
  });
  const det = drawn(detRaw);
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
  const LOW = 'rgba(179,38,30,0.22)';
  const NORMAL = 'rgba(30,122,69,0.24)';
  const warned = months && th && th.low && th.normalLow && th.normalHigh && th.high;
  const bands = warned
    ? [
        [{ yAxis: 0, itemStyle: { color: LOW } }, { yAxis: Number(th.low) }],
        [{ yAxis: Number(th.normalLow), itemStyle: { color: NORMAL } }, { yAxis: Number(th.normalHigh) }],
      ]
    : [];
  const warnNames = warned ? [fill(a('warnLow'), { n: figure(th.low!) }), fill(a('warnNormal'), { low: figure(th.normalLow!), high: figure(th.normalHigh!) })] : [];
  const shown = (x: number | null | undefined) => (x === null || x === undefined ? '—' : months ? monthsText(x) : `${figure(x)} ${t('unitWan')}`);
  const tip = (params: { dataIndex: number }[]) => {
    const i = params[0]?.dataIndex ?? 0;
    const [r5, r25, r50, r75, r95] = rawP.map((xs) => xs[i]);
    return [
      `<b>${years[i]}</b>`,
      `${a('median')}: ${shown(r50)}`,
      `${a('band25to75')}: ${shown(r25)} ~ ${shown(r75)}`,
      `${a('band5to95')}: ${shown(r5)} ~ ${shown(r95)}`,
      `${a('asStated')}: ${shown(detRaw[i])}`,
    ].join('<br>');
  };
  const axis = measure === 'cumulative' ? { type: 'value', ...wanAxis([...p5!, ...p95!]) } : { type: 'value', name: t('monthsPayable'), min: 0 };
  return {
    animation: false,
    tooltip: { trigger: 'axis', formatter: tip, confine: true },
    legend: { bottom: 0, left: 8, right: 8, type: 'plain', data: [a('median'), a('asStated'), a('band25to75'), a('band5to95'), ...warnNames.map((name) => ({ name, icon: 'rect' }))] },
    grid: { left: 64, right: 16, top: 36, bottom: warned ? 76 : 56 },
    xAxis: { type: 'category', data: years, boundaryGap: false },
    yAxis: axis,
    series: [
      { name: 'p5', type: 'line', stack: 'fan', stackStrategy: 'all', symbol: 'none', lineStyle: { opacity: 0 }, data: p5, tooltip: { show: false } },
      band(a('band5to95'), diff(p25!, p5!), 'rgba(11,92,173,0.15)'),
      band(a('band25to75'), diff(p75!, p25!), 'rgba(11,92,173,0.35)'),
      band(a('band5to95'), diff(p95!, p75!), 'rgba(11,92,173,0.15)'),
      { name: a('median'), type: 'line', symbol: 'none', data: p50, itemStyle: { color: '#0b3d6e' }, lineStyle: { width: 2 }, markArea: { silent: true, label: { show: false }, data: bands } },
      { name: a('asStated'), type: 'line', symbol: 'none', data: det, itemStyle: { color: '#c27c0e' }, lineStyle: { type: 'dashed', width: 2 } },
      // The warning bands' names in the legend (the bands themselves are the median's markArea).
      ...warnNames.map((name, k) => ({ name, type: 'line', data: [], itemStyle: { color: k === 0 ? LOW : NORMAL } })),
    ],
    // A phone: the legend takes three lines.
    media: [{ query: { maxWidth: 520 }, option: { grid: { left: 52, bottom: warned ? 112 : 80 }, legend: { itemGap: 6, textStyle: { fontSize: 11 } } } }],
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
  const months = (label: string): Column => ({ label, numeric: true, format: (c) => monthsText(c), export: exhaustedExport });
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
