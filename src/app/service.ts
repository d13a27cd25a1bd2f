/**
 * The workbench's back end, run inside a Web Worker (workers/simulation.worker.ts)
 * and directly in tests: validate a scenario, project it, and describe the
 * result as plain data (src/app/views.ts). No DOM here.
 */
import { statesAmountsInYi } from './report-unit.ts';
import { InputError } from '../common/errors.ts';
import type { Dec } from '../common/money.ts';
import { parseMonth } from '../common/period.ts';
import type { Category, Facts } from '../engine/facts.ts';
import { resolveFast } from '../engine/index.ts';
import type { Resolution, ResolvedValue } from '../engine/resolve.ts';
import type { FundId } from '../model/base-year.ts';
import { wageSeries } from '../model/drivers.ts';
import { project, type Projection } from '../model/project.ts';
import { compareProjections } from '../report/compare.ts';
import { sanityWarnings } from '../report/checks.ts';
import { auditBaseline } from '../baseline/audit.ts';
import { checkCompliance } from '../baseline/compliance.ts';
import { complianceText, findingText } from '../baseline/audit-text.ts';
import { FUND_NAMES, fundYearRow, wanExact } from '../report/summary.ts';
import { EXAMPLE_SCENARIOS, BASELINES } from '../data/embedded.ts';
import { embeddedEnvironment, loadEmbeddedBaseline } from '../scenario/embedded-env.ts';
import { loadScenario } from '../scenario/load.ts';
import { prepareScenario, type Prepared } from '../scenario/prepare.ts';
import type { Scenario } from '../scenario/types.ts';
import type { Scheme, Text, ValueExpr } from '../rules/types.ts';
import { populationView } from './population-view.ts';
import { DragOrder } from './lever-drag.ts';
import { BaselineGate } from './baseline-gate.ts';
import type { ChangeView, CompareResult, ExplainView, FailedRun, LeverView, RunFigures, RunRest, RunResult, RunView } from './views.ts';
import { backtest } from '../analyses/backtest.ts';
import { analysisOptions, gridView, sensitivityView, solveView, type AnalysisOptions, type GridRequest, type GridView, type Progress, type SensitivityView, type SolveRequest, type SolveView } from './analyses-service.ts';
import { backtestView, calibrationNote, calibrationView, type BacktestView } from './calibration-views.ts';
import { UncertaintyService, type MonteCarloRequest, type MonteCarloView } from './uncertainty-service.ts';

const CATEGORY_OF_SCHEME: Record<Scheme, Category> = {
  employee: 'in-service',
  maternity: 'in-service',
  resident: 'resident',
  aid: 'resident',
  fund: 'resident',
};

export interface CatalogView {
  ruleSets: { id: string; title: { zh: string; en: string }; jurisdiction: string; document: string }[];
  /** cannotStart: why a baseline cannot start a projection (the loader's reason), if it cannot. */
  baselines: { name: string; title: string; region: string; cannotStart?: string; /** its report states amounts in 亿元 */ yi?: boolean }[];
  examples: { name: string; scenario: Scenario }[];
}

/** A run projected and kept, with its figures; `started` is when it was asked for. */
interface Projected {
  ok: true;
  scenario: Scenario;
  prepared: Prepared;
  projection: Projection;
  figures: RunFigures;
  started: number;
}

export class SimulationService {
  /** Recent runs by hash, so "why" explains the scenario asked about, not whichever ran last. */
  readonly #runs = new Map<string, { scenario: Scenario; prepared: Prepared; projection: Projection }>();
  readonly #dragOrder = new DragOrder();
  readonly #baselineGate = new BaselineGate();

  catalog(): CatalogView {
    const env = embeddedEnvironment();
    return {
      ruleSets: env.catalog.list().map((s) => ({
        id: s.spec.id,
        title: s.spec.title,
        jurisdiction: s.spec.jurisdiction.name,
        document: s.spec.document.number ? `${s.spec.document.number} ${s.spec.document.title}` : s.spec.document.title,
      })),
      baselines: Object.entries(BASELINES).map(([name, b]) => {
        const meta = b as { title?: string; source?: { region?: string } };
        return { name, title: meta.title ?? name, region: meta.source?.region ?? '', ...cannotStart(env, name, b), ...(statesAmountsInYi(b) ? { yi: true } : {}) };
      }),
      examples: Object.entries(EXAMPLE_SCENARIOS).map(([name, s]) => ({ name, scenario: s as Scenario })),
    };
  }

  /**
   * Validate and project; problems come back as data, never as a thrown error across the worker boundary.
   * `leversAt` is the month the levers are shown and edited at (default the first projected month).
   */
  async run(data: unknown, file = 'scenario', leversAt?: string): Promise<RunResult> {
    const run = await this.#projected(data, file, leversAt);
    if (!run.ok) return run;
    const rest = (await this.#takeWarmRest(run.figures.hash)) ?? (await this.#rest(run.scenario, run.prepared, run.projection));
    return { ...run.figures, ...rest, millis: performance.now() - run.started };
  }

  /**
   * The same run's figures alone (the funds, the warning bands, the levers and calibration their notes name:
   * RunFigures), for the workbench while a lever moves: the fund's cards and charts are drawn from them, and the
   * rest of the view (compliance, changes, population, warnings…) is asked for by `rest` once the lever rests.
   */
  async figures(data: unknown, file = 'scenario', leversAt?: string): Promise<RunFigures | FailedRun> {
    const run = await this.#projected(data, file, leversAt);
    return run.ok ? run.figures : run;
  }

  /** The rest of the view of a run whose figures were given (by its hash); undefined if it is no longer kept. */
  async rest(hash: string): Promise<RunRest | undefined> {
    const warm = await this.#takeWarmRest(hash);
    if (warm) return warm;
    const run = this.#runs.get(hash);
    if (!run) return undefined;
    const started = performance.now();
    return { ok: true, hash, ...(await this.#rest(run.scenario, run.prepared, run.projection)), millis: performance.now() - started };
  }

  /** The rest of the warm run's view, written while the page still loads (the first run or `rest` asked for it takes it). */
  #warmRest?: { hash: string; rest: Promise<RunRest | undefined> };

  #takeWarmRest(hash: string): Promise<RunRest | undefined> | undefined {
    const warm = this.#warmRest;
    if (warm?.hash !== hash) return undefined;
    this.#warmRest = undefined;
    return warm.rest;
  }

  /** Validate, project and keep the run (for `rest`, `explain` and `backtest`), with its figures. */
  async #projected(data: unknown, file: string, leversAt: string | undefined): Promise<Projected | FailedRun> {
    const warm = this.#warm;
    this.#warm = undefined;
    if (warm && warm.key === runKey(data, file, leversAt)) return warm.result;
    const started = performance.now();
    try {
      const scenario = loadScenario(data, file);
      const env = embeddedEnvironment();
      const written = await prepareScenario(structuredClone(scenario), file, env);
      this.#baselineGate.check(scenario, file, env);
      // A dragged lever's override last, so its policy is derived from the one without it (src/app/lever-drag.ts).
      const prepared = { ...written, input: { ...written.input, overrides: this.#dragOrder.order(written.input.overrides) } };
      const projection = project(prepared.input);
      this.#runs.delete(prepared.hash);
      this.#runs.set(prepared.hash, { scenario, prepared, projection });
      if (this.#runs.size > 8) this.#runs.delete(this.#runs.keys().next().value!);
      const figures = { ...(await this.#figures(scenario, prepared, projection, leversAt)), millis: performance.now() - started };
      return { ok: true, scenario, prepared, projection, figures, started };
    } catch (err) {
      if (err instanceof InputError) return { ok: false, problems: err.problems };
      return { ok: false, problems: [{ file, path: '', reason: (err as Error).message }] };
    }
  }

  /** A run begun before it was asked for, by what it was begun with. */
  #warm?: { key: string; result: Promise<Projected | FailedRun> };

  /**
   * Begin the run the page will ask for first, while the page itself is still loading: the scenario it
   * stored (`data`, named `file`: its title), or on a first visit the first example. The next run asked
   * for, if it is that one, gets this run's result.
   */
  warm(data?: unknown, file?: string): void {
    const first = Object.values(EXAMPLE_SCENARIOS)[0] as Scenario | undefined;
    const scenario = data ?? first;
    const title = file ?? first?.title;
    if (scenario === undefined || title === undefined) return;
    const result = this.#projected(scenario, title, undefined);
    this.#warm = { key: runKey(scenario, title, undefined), result };
    // Its rest too, while the worker would otherwise wait for the page.
    void result.then((r) => {
      if (r.ok) this.#warmRest = { hash: r.prepared.hash, rest: this.rest(r.prepared.hash) };
    });
  }

  /** A tornado of the scenario's assumptions and levers, ranked by effect on an outcome (src/app/analyses-service.ts). */
  sensitivity(data: unknown, file = 'scenario', outcome?: string, progress?: Progress): Promise<SensitivityView> {
    return sensitivityView(data, file, outcome, progress);
  }

  readonly #uncertainty = new UncertaintyService();

  /** Monte Carlo over the scenario's uncertain assumptions (src/app/uncertainty-service.ts); pass onProgress through Comlink.proxy. */
  monteCarlo(data: unknown, file: string, req: MonteCarloRequest = {}, onProgress?: Progress): Promise<MonteCarloView> {
    return this.#uncertainty.monteCarlo(data, file, req, onProgress);
  }

  /** Stops a Monte Carlo run (or every run); it answers `cancelled: true`. */
  cancelMonteCarlo(runId?: string): void {
    this.#uncertainty.cancelMonteCarlo(runId);
  }

  /** The setting of one lever that meets a target, confirmed on the exact projection, as a scenario to open. */
  solve(data: unknown, file: string, req: SolveRequest, progress?: Progress): Promise<SolveView> {
    return solveView(data, file, req, progress);
  }

  /** The outcome over two levers' values (a heat map). */
  grid(data: unknown, file: string, req: GridRequest, progress?: Progress): Promise<GridView> {
    return gridView(data, file, req, progress);
  }

  /** The levers, funds and years the analysis forms offer for a scenario, with the levers' values in force in month `at` (default the first projected month). */
  analysisOptions(data: unknown, file = 'scenario', at?: string): Promise<AnalysisOptions> {
    return analysisOptions(data, file, at);
  }

  /**
   * Several scenarios side by side: each run, and the difference of each from the first
   * (later − first), fund by fund and year by year, in exact 万元.
   */
  async compare(list: { data: unknown; file: string }[]): Promise<CompareResult> {
    const runs: RunResult[] = [];
    const projections: (Projection | undefined)[] = [];
    for (const item of list) {
      const r = await this.run(item.data, item.file);
      runs.push(r);
      projections.push(r.ok ? this.#runs.get(r.hash)!.projection : undefined);
    }
    const first = projections[0];
    const diffs = projections.slice(1).map((p) =>
      first && p
        ? compareProjections(first, p).map((d) => ({
            fund: d.fund,
            year: d.year,
            income: wanExact(d.income),
            expenditure: wanExact(d.expenditure),
            currentBalance: wanExact(d.currentBalance),
            cumulative: wanExact(d.cumulative),
            monthsPayable: d.monthsPayable?.toDecimalPlaces(4).toFixed() ?? null,
          }))
        : [],
    );
    // Each government level's subsidy, later − first, year by year.
    const subsidyDiffs = projections.slice(1).map((p) =>
      first && p
        ? p.subsidy.flatMap((b) => {
            const a = first.subsidy.find((x) => x.year === b.year);
            if (!a) return [];
            const d = (k: 'central' | 'region' | 'city' | 'county' | 'unspecified') => wanExact(b[k].minus(a[k]));
            return [{ year: b.year, central: d('central'), region: d('region'), city: d('city'), county: d('county'), unspecified: d('unspecified') }];
          })
        : [],
    );
    return { runs, diffs, subsidyDiffs };
  }

  /** Why a fund's amounts in a year are what they are: its lines, the parameters in force, the assumptions. */
  async explain(hash: string, fund: string, year: number): Promise<ExplainView | undefined> {
    const last = this.#runs.get(hash);
    if (!last) return undefined;
    const f = last.projection.funds.find((x) => x.id === fund);
    const fy = f?.years.find((y) => y.year === year);
    if (!f || !fy) return undefined;
    const base = year === last.projection.baseYear;
    const scheme: Scheme = fund.startsWith('employee') ? 'employee' : fund === 'aid' ? 'aid' : 'resident';
    const res = await this.#resolve(last.prepared, `${year}-01`, CATEGORY_OF_SCHEME[scheme], true);
    const parameters = [...res.values.values()]
      .filter((v) => typeof v.value !== 'string')
      .filter((v) => {
        const s = last.prepared.input.stack.registry.get(v.name).scheme;
        return s === scheme || s === 'fund' || (scheme === 'employee' && s === 'maternity') || (scheme === 'aid' && s === 'resident');
      })
      .map((v) => ({ name: v.name, label: last.prepared.input.stack.registry.get(v.name).label, unit: last.prepared.input.stack.registry.get(v.name).unit, value: v.value.toString(), source: v.provenance }));
    const how = (line: string): Text =>
      base
        ? { zh: `基期报告数：${last.prepared.input.base.source}`, en: `reported in ${last.prepared.input.base.source}` }
        : (HOW[scheme === 'employee' && line === 'benefits' ? 'benefits.employee' : line] ?? HOW.default!);
    // The inputs the lines are moved by: the base year's amount of each line, and insured people this year and then.
    const by = f.years.find((y) => y.year === last.projection.baseYear)!;
    const countsOf = (y: number) => last.projection.counts.find((c) => c.year === y)?.counts ?? {};
    const groups = (scheme === 'employee' ? ['inService', 'retiree', 'flexible'] : scheme === 'aid' ? ['tekun', 'dibao', 'fanpin'] : ['resident']) as (keyof ReturnType<typeof countsOf>)[];
    const src = last.prepared.input.base.source;
    // Employees are reported in total; in service, retired and flexible are that total split by assumed shares.
    const baseSource =
      scheme === 'employee'
        ? { zh: `基期职工参保人数（${src}）按退休人员、灵活就业人员占比（测算假设）拆分`, en: `base-year insured employees (${src}) split by the assumed retiree and flexible shares` }
        : { zh: `基期：${src}`, en: `base year: ${src}` };
    const inputs = groups.flatMap((g) => {
      const now = countsOf(year)[g];
      const then = countsOf(last.projection.baseYear)[g];
      if (!now || !then) return [];
      return [
        { name: `counts.${g}.${last.projection.baseYear}`, value: then.toDecimalPlaces(0).toFixed(), unit: 'people' as const, source: baseSource },
        ...(base ? [] : [{ name: `counts.${g}.${year}`, value: now.toDecimalPlaces(0).toFixed(), unit: 'people' as const, source: { zh: '基期人数 × 各年人数增长率（测算假设）', en: 'base-year count × yearly growth (assumption)' } }]),
      ];
    });
    return {
      fund,
      fundName: FUND_NAMES[fund as FundId],
      year,
      baseYear: last.projection.baseYear,
      inputs,
      lines: [
        ...Object.entries(fy.income).map(([line, v]) => ({
          line: `income:${line}`,
          amount: wanExact(v!),
          base: by.income[line as keyof typeof by.income] ? wanExact(by.income[line as keyof typeof by.income]!) : null,
          how: withCalibration(how(line), base ? undefined : calibrationNote(last.projection, fund, 'income', line)),
        })),
        ...Object.entries(fy.expenditure).map(([line, v]) => ({
          line: `expenditure:${line}`,
          amount: wanExact(v!),
          base: by.expenditure[line as keyof typeof by.expenditure] ? wanExact(by.expenditure[line as keyof typeof by.expenditure]!) : null,
          how: withCalibration(how(line), base ? undefined : calibrationNote(last.projection, fund, 'expenditure', line)),
        })),
      ],
      parameters,
      assumptions: flattenAssumptions(last.prepared),
    };
  }

  /** The backtest of a run's baseline under its rules and assumptions: from each earlier reported year, against the reports and a naive forecast. */
  async backtest(hash: string): Promise<BacktestView | undefined> {
    const last = this.#runs.get(hash);
    if (!last) return undefined;
    return backtestView(await backtest(structuredClone(last.scenario), 'scenario', embeddedEnvironment()));
  }

  /**
   * Values shown to the user and their provenance, by the direct evaluator: the same resolution as
   * json-rules-engine's (test/engine/differential.test.ts checks every value), at a fraction of the
   * time, so a lever change redraws sooner.
   */
  #resolve(p: Prepared, month: string, category: Category, withOverrides: boolean): Promise<Resolution> {
    const a = p.input.assumptions;
    const facts: Facts = { month: parseMonth(month)!, category, aid: 'none', regionTier: a.regionTier };
    let series = wageSeriesOf.get(p);
    if (!series) wageSeriesOf.set(p, (series = wageSeries(a, p.input.base, p.input.until)));
    return Promise.resolve(resolveFast(p.input.stack, facts, {
      series,
      overrides: withOverrides ? p.input.overrides : [],
    }));
  }

  /** The part of a run's view the fund's cards and charts read (RunFigures). */
  async #figures(scenario: Scenario, prepared: Prepared, projection: Projection, at?: string): Promise<Omit<RunFigures, 'millis'>> {
    const registry = prepared.input.stack.registry;
    const leverMonth = `${projection.baseYear + 1}-01`;
    const leversAt = at && at >= leverMonth && at <= `${projection.until}-12` ? at : leverMonth;
    const byCategory = new Map<Category, [Resolution, Resolution]>();
    // Also at the horizon: a parameter whose rule becomes a percentage of the wage later (the city's floor from
    // 2022-03) is offered as that percentage, changed from the month that rule starts.
    const atHorizon = new Map<Category, Resolution>();
    for (const c of new Set(Object.values(CATEGORY_OF_SCHEME))) {
      byCategory.set(c, [await this.#resolve(prepared, leversAt, c, true), await this.#resolve(prepared, leversAt, c, false)]);
      atHorizon.set(c, await this.#resolve(prepared, `${projection.until}-01`, c, true));
    }
    const resolutions = (c: Category) => byCategory.get(c)!;
    const inert = inertSchemes(prepared, projection);
    const levers: LeverView[] = registry.names().filter((name) => !registry.get(name).notInScenario).map((name) => {
      const spec = registry.get(name);
      const [withO, without] = resolutions(CATEGORY_OF_SCHEME[spec.scheme]);
      const v = withO.values.get(name);
      const b = without.values.get(name);
      // The override that sets the value shown (of several, the one in force then), else the first for this parameter.
      const inForce = v?.provenance.kind === 'override' ? Number(v.provenance.path.split('/').pop()) : -1;
      const idx = inForce >= 0 ? inForce : (scenario.overrides ?? []).findIndex((o) => o.param === name);
      return {
        name,
        scheme: spec.scheme,
        unit: spec.unit,
        label: spec.label,
        choices: spec.choices,
        value: v ? v.value.toString() : null,
        baselineValue: b ? b.value.toString() : null,
        source: v?.provenance ?? null,
        baselineSource: b?.provenance ?? null,
        ofWage: ofWage(atHorizon.get(CATEGORY_OF_SCHEME[spec.scheme])!.values.get(name), leversAt),
        override: idx >= 0 ? idx : null,
        inert: inert[spec.scheme === 'maternity' ? 'employee' : spec.scheme] ?? null,
      };
    });
    const t = await this.#resolve(prepared, leverMonth, 'resident', true);
    const th = (n: string) => t.values.get(n)?.value.toString() ?? null;
    return {
      ok: true,
      title: scenario.title,
      hash: prepared.hash,
      baseYear: projection.baseYear,
      until: projection.until,
      leverMonth,
      leversAt,
      funds: projection.funds.map((f) => ({
        id: f.id,
        name: FUND_NAMES[f.id as FundId],
        parts: f.parts ?? null,
        firstDeficitYear: f.firstDeficitYear ?? null,
        exhaustionYear: f.exhaustionYear ?? null,
        years: f.years.map((y) => {
          const { fund: _fund, ...row } = fundYearRow(f.id, y);
          return row;
        }),
      })),
      thresholds: { low: th('warning.monthsPayable.low'), normalLow: th('warning.monthsPayable.normalLow'), normalHigh: th('warning.monthsPayable.normalHigh'), high: th('warning.monthsPayable.high') },
      levers,
      calibration: calibrationView(prepared.input, scenario.assumptions, projection),
    };
  }

  /** The rest of a run's view: what the panels below the fund's charts read. */
  async #rest(scenario: Scenario, prepared: Prepared, projection: Projection): Promise<Omit<RunRest, 'ok' | 'hash' | 'millis'>> {
    const registry = prepared.input.stack.registry;
    const leverMonth = `${projection.baseYear + 1}-01`;
    const changes: ChangeView[] = [];
    for (const o of scenario.overrides ?? []) {
      const spec = registry.get(o.param);
      const month = o.from ?? leverMonth;
      const before = (await this.#resolve(prepared, month, CATEGORY_OF_SCHEME[spec.scheme], false)).values.get(o.param);
      const after = (await this.#resolve(prepared, month, CATEGORY_OF_SCHEME[spec.scheme], true)).values.get(o.param);
      changes.push({
        param: o.param,
        label: spec.label,
        unit: spec.unit,
        from: o.from ?? null,
        until: o.until ?? null,
        before: before ? before.value.toString() : null,
        after: after ? after.value.toString() : typeof o.value === 'string' ? o.value : JSON.stringify(o.value),
        note: o.note,
      });
    }
    const compliance = [];
    for (let year = projection.baseYear; year <= projection.until; year++) {
      for (const c of (await this.#resolve(prepared, `${year}-01`, 'resident', true)).compliance) {
        compliance.push({ param: c.param, label: registry.get(c.param).label, value: c.value.toString(), minimumParam: c.minimumParam, minimum: c.minimum.toString(), year, source: c.minimumFrom });
      }
    }
    const money = (v: Dec) => wanExact(v);
    return {
      subsidy: projection.subsidy.map((s) => ({ year: s.year, central: money(s.central), region: money(s.region), city: money(s.city), county: money(s.county), unspecified: money(s.unspecified) })),
      subsidyTotals: {
        central: money(projection.subsidyTotals.central),
        region: money(projection.subsidyTotals.region),
        city: money(projection.subsidyTotals.city),
        county: money(projection.subsidyTotals.county),
        unspecified: money(projection.subsidyTotals.unspecified),
      },
      perPerson: projection.perPerson.map((p) => ({
        year: p.year,
        residentStandard: p.residentStandard?.toFixed() ?? null,
        residentSubsidy: p.residentSubsidy?.toFixed() ?? null,
        aidPays: { tekun: p.aidPays.tekun.toFixed(2), dibao: p.aidPays.dibao.toFixed(2), fanpin: p.aidPays.fanpin.toFixed(2) },
      })),
      changes,
      compliance,
      notes: projection.notes,
      assumptions: flattenAssumptions(prepared),
      audit: auditOf(prepared),
      population: populationView(projection),
      warnings: sanityWarnings(projection).map(({ zh, en }) => ({ zh, en })),
    };
  }
}

/** The wage series of a prepared scenario, written once for the many resolutions of its view. */
const wageSeriesOf = new WeakMap<Prepared, ReturnType<typeof wageSeries>>();

/** What a run is asked for, as text: a warm run is taken only for the same. */
function runKey(data: unknown, file: string, leversAt: string | undefined): string {
  return JSON.stringify([data, file, leversAt ?? null]);
}

const HOW: Record<string, Text> = {
  contributions: { zh: '基期数 ×（本年按规则逐月、按工资分布计算的应缴额 ÷ 基期应缴额）', en: 'base-year amount × (contributions due under the rules this year ÷ those due in the base year); rules resolved month by month over the wage spread' },
  'contributions.employer': { zh: '基期数 ×（本年单位应缴额 ÷ 基期）', en: 'base-year amount × (employer contributions due this year ÷ base year)' },
  'contributions.individual': { zh: '基期数 ×（本年参保人数 × 个人缴费标准或费率 ÷ 基期）', en: 'base-year amount × (insured × individual standard or rate this year ÷ base year)' },
  'contributions.maternity': { zh: '基期数 ×（本年生育保险应缴额 ÷ 基期）', en: 'base-year amount × (maternity contributions due this year ÷ base year)' },
  subsidy: { zh: '基期数 ×（本年参保人数 × 人均财政补助 ÷ 基期）', en: 'base-year amount × (insured × subsidy per head this year ÷ base year)' },
  'subsidy.central': { zh: '基期数 ×（本年参保人数 × 人均补助中中央负担部分 ÷ 基期）', en: 'base-year amount × (insured × central share of the subsidy per head this year ÷ base year)' },
  'subsidy.region': { zh: '基期数 ×（本年参保人数 × 人均补助中自治区(省)负担部分 ÷ 基期）', en: 'base-year amount × (insured × region share of the subsidy per head this year ÷ base year)' },
  'subsidy.city': { zh: '基期数 ×（本年参保人数 × 人均补助中盟市负担部分 ÷ 基期）', en: 'base-year amount × (insured × city share of the subsidy per head this year ÷ base year)' },
  'subsidy.county': { zh: '基期数 ×（本年参保人数 × 人均补助中旗县负担部分 ÷ 基期）', en: 'base-year amount × (insured × county share of the subsidy per head this year ÷ base year)' },
  interest: { zh: '利率 × 上年累计结存', en: 'interest rate × last year’s cumulative balance' },
  benefits: { zh: '基期数 ×（参保居民按年龄的人均费用之和 × 次均费用增长（报告分服务时按各服务基期占比加权）× 就诊次数增长 × 报销比例 ÷ 基期）', en: 'base-year amount × (residents × their cost by age × cost per visit growth (weighted by each service’s base-year share where the report gives them) × visit growth × reimbursement ratio ÷ base year)' },
  'benefits.employee': { zh: '基期数 ×（在职、灵活就业、退休人数各乘其年龄结构的人均费用）× 次均费用增长（报告分服务时按各服务基期占比加权）× 就诊次数增长 ÷ 基期；基期退休人员人均费用为在职的设定倍数', en: 'base-year amount × ((in service, flexible and retirees, each × the cost of their ages) × cost per visit growth (weighted by each service’s base-year share where the report gives them) × visit growth ÷ base year); in the base year a retiree costs the assumed multiple of one in service' },
  'aid.contributions': { zh: 'Σ 各类救助对象人数 × 救助代缴额（特困全额，低保、返贫致贫定额）', en: 'Σ aid group × what aid pays of the individual standard (特困 in full, 低保/返贫 the fixed amount)' },
  'aid.medical': { zh: '基期数 ×（救助对象人数 × 费用增长 × 救助比例 ÷ 基期）', en: 'base-year amount × (aid recipients × cost growth × aid reimbursement ratio ÷ base year)' },
  criticalIllness: { zh: '大病保险保费：基期数 ×（居民参保人数 × 费用增长 ÷ 基期）', en: 'critical-illness premiums: base-year amount × (residents × cost growth ÷ base year)' },
  other: { zh: '保持基期数', en: 'held at the base-year amount' },
  default: { zh: '基期数 × 驱动因子', en: 'base-year amount × its driver' },
};

function withCalibration(how: Text, note: Text | undefined): Text {
  return note ? { zh: `${how.zh}；${note.zh}`, en: `${how.en}; ${note.en}` } : how;
}

function flattenAssumptions(p: Prepared): Record<string, string> {
  const a = p.input.assumptions;
  const out: Record<string, string> = {};
  const flatten = (prefix: string, o: object) => {
    for (const [k, v] of Object.entries(o)) {
      if (v === undefined) continue;
      if (Array.isArray(v)) out[prefix + k] = v.map(String).join(' ');
      else if (typeof v === 'object' && v !== null && !('toFixed' in v)) flatten(`${prefix}${k}.`, v as object);
      else out[prefix + k] = String(v);
    }
  };
  for (const [k, v] of Object.entries(a)) {
    if (v === undefined) continue;
    if (k === 'calibration') {
      out['calibration.normalise'] = String(a.calibration.normalise);
      out['calibration.threshold'] = a.calibration.threshold.toString();
      continue;
    }
    flatten('', { [k]: v });
  }
  out.baseYear = String(p.input.base.year);
  out.baseline = p.input.base.source;
  return out;
}

/** The baseline report's own contradictions and its standards below the rules' minimums, as sentences. */
/**
 * A baseline's audit under a stack of rule sets, kept while both are the same objects (a shipped baseline
 * under shipped rule sets): it does not change with levers or assumptions, and takes longer than the rest
 * of a run's view together.
 */
const audits = new WeakMap<object, { ruleSets: readonly unknown[]; audit: RunView['audit'] }[]>();

function auditOf(p: Prepared): RunView['audit'] {
  const key = typeof p.baselineJson === 'object' && p.baselineJson !== null ? p.baselineJson : undefined;
  const sets = p.input.stack.ruleSets;
  const kept = key ? audits.get(key) : undefined;
  const hit = kept?.find((k) => k.ruleSets.length === sets.length && k.ruleSets.every((r, i) => r === sets[i]));
  if (hit) return hit.audit;
  const b = loadEmbeddedBaseline(p.baselineJson, p.input.base.source);
  const audit = [
    ...auditBaseline(b).findings.map((f) => ({ message: f.message, text: findingText(f) })),
    ...checkCompliance(b, p.input.stack).map((c) => ({ message: c.message, text: complianceText(c) })),
  ];
  if (key) audits.set(key, [{ ruleSets: [...sets], audit }, ...(kept ?? [])].slice(0, 4));
  return audit;
}

/**
 * A value written as {"percentOf": {"series": "avgMonthlyWage", "yearOffset": n}, "percent": "60"}: its
 * percentage, year offset, and the month from which a change of it applies (not before its rule starts).
 */
function ofWage(v: ResolvedValue | undefined, leverMonth: string): LeverView['ofWage'] {
  const expr = v?.expr as ValueExpr | undefined;
  if (!v || !expr || typeof expr !== 'object' || !('percentOf' in expr) || typeof expr.percent !== 'string') return null;
  const of = expr.percentOf;
  if (typeof of !== 'object' || !('series' in of)) return null;
  const starts = v.provenance.kind === 'default' ? undefined : v.provenance.from;
  return { percent: expr.percent, yearOffset: of.yearOffset, from: starts && starts > leverMonth ? starts : leverMonth };
}

/**
 * Schemes whose levers cannot move this projection, why, and the assumption that would let them:
 * employee contributions without an average wage grow with counts and wages only; what aid pays
 * for contributions needs the number of people in each aid group.
 */
function inertSchemes(p: Prepared, projection: Projection): Partial<Record<Scheme, LeverView['inert']>> {
  const out: Partial<Record<Scheme, LeverView['inert']>> = {};
  const employeeNote = projection.notes.find((n) => n.en.startsWith('employee contributions grow with insured counts'));
  if (employeeNote) {
    const noWage = p.input.assumptions.avgMonthlyWage === undefined;
    out.employee = { reason: employeeNote, missing: noWage ? 'avgMonthlyWage' : null };
  }
  const base = projection.counts.find((c) => c.year === projection.baseYear)?.counts ?? {};
  const hasAid = projection.funds.some((f) => f.id === 'aid');
  if (hasAid && (['tekun', 'dibao', 'fanpin'] as const).every((g) => !base[g] || base[g]!.isZero())) {
    out.aid = {
      reason: { zh: '未知救助对象人数（特困、低保、返贫致贫），资助参保支出不随此参数变化', en: 'the number of people in each aid group (特困, 低保, 返贫致贫) is not known, so what aid pays for contributions does not follow this parameter' },
      missing: 'counts.dibao',
    };
  }
  return out;
}

/** Why a shipped baseline cannot start a projection (no full year with income and a balance), as the loader says it. */
function cannotStart(env: ReturnType<typeof embeddedEnvironment>, name: string, json: unknown): { cannotStart?: string } {
  try {
    env.toBaseYear(json, `seeds/baselines/${name}.json`);
    return {};
  } catch (err) {
    if (err instanceof InputError) return { cannotStart: err.problems[0]!.reason };
    throw err;
  }
}
