/**
 * <yb-chart>: one ECharts chart. ECharts is the convention of Chinese
 * government dashboards (markArea bands, stacked bars, dual axes out of the
 * box); only the parts used here are bundled. The canvas renderer redraws
 * fastest while a lever is dragged. A chart draws only the newest option of
 * a burst; charts waiting together draw in the order they came into the
 * page (the balance chart before the income chart beside it), the first in
 * the task that brought the result. Two charts already drawn once (a lever
 * change updates them) draw in the same task, so a lever change redraws the
 * fund's two charts together; a chart's first drawing (its making: several
 * times an update) and any further chart waits until a frame has shown the
 * ones before, so no single main-thread task carries every chart of the
 * page and the first is on screen without waiting for the others'. A
 * chart out of sight (below the fold, on a hidden tab) keeps its newest
 * option and draws it when it comes into view, so a lever change redraws
 * only what can be seen; a chart drawn for print (`pixelRatio`) always
 * draws. An option equal to the one drawn (a lever
 * that does not move this chart) is not drawn again, and one that differs
 * from it in numbers only updates the chart in place (ECharts keeps its
 * axes, legend and tooltip) instead of building it anew.
 */
import { LitElement, css, html } from 'lit';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, TooltipComponent, TitleComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { nextTask } from '../next-task.ts';
import { FONT_FAMILY } from '../styles.ts';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkAreaComponent, TooltipComponent, TitleComponent, CanvasRenderer]);
/** Every chart's text in the page's typeface (ECharts' own default, a bare sans-serif, has no Chinese on many systems). */
const THEME = 'yb';
echarts.registerTheme(THEME, { textStyle: { fontFamily: FONT_FAMILY } });

/** Charts with an option to draw, by the order they came into the page: the first draws first. `update`: the chart is already made. */
const waiting = new Map<number, { draw: () => void; update: boolean }>();
/**
 * How many charts already made one task may update: a fund's pair (its balance and its income), so a lever
 * change redraws both in one task (an update takes 4-10 ms of the main thread's time). By count, not by the
 * time the first took: on a busy machine its wall time stretches several times over, its work does not.
 */
const TASK_UPDATES = 2;
let charts = 0;
/** A draw is scheduled (a task, or a frame and then a task). */
let drawing = false;

/**
 * The first chart draws in the task that gave it its option, once the page's updates queued there are done
 * (a microtask), so no frame's layout and paint comes between a result and its chart; the others follow.
 * `later`: in a task of its own, before the page's other waiting tasks (which may change the page and so
 * have it laid out anew). (Charts for print are not queued: each draws in a task of its own, as the report expects.)
 */
function drawSoon(later = false): void {
  if (drawing || !waiting.size) return;
  drawing = true;
  if (later) void nextTask().then(drawNext);
  else queueMicrotask(drawNext);
}

/**
 * Draw the first waiting chart, and the next if both are only updated (TASK_UPDATES); the rest after a frame
 * has shown these (or 100 ms on a page that draws no frames, one hidden).
 */
function drawNext(): void {
  try {
    // `updates`: every chart this task has drawn was an update (after a first drawing, the next waits for a frame).
    for (let drawn = 0, updates = true; waiting.size; drawn++) {
      const order = Math.min(...waiting.keys());
      const next = waiting.get(order)!;
      if (drawn > 0 && (!updates || !next.update || drawn >= TASK_UPDATES)) break;
      updates &&= next.update;
      waiting.delete(order);
      next.draw();
    }
  } finally {
    afterFrame();
  }
}

function afterFrame(): void {
  if (!waiting.size) {
    drawing = false;
    return;
  }
  let done = false;
  const next = () => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    setTimeout(drawNext, 0);
  };
  const fallback = setTimeout(next, 100);
  requestAnimationFrame(next);
}

export class YbChart extends LitElement {
  static override properties = { option: { attribute: false }, label: {}, pixelRatio: { type: Number } };
  declare option: echarts.EChartsCoreOption | undefined;
  declare label: string;
  /** Pixels drawn per CSS pixel: 2 or more for a chart that is printed. */
  declare pixelRatio: number | undefined;
  #chart?: echarts.ECharts;
  /** Where the chart stands among those waiting to draw: the order it came into the page. */
  readonly #order = charts++;
  #resize = new ResizeObserver(() => this.#chart?.resize());
  /** In view (undefined until the first report); a chart for print counts as always in view. */
  #visible: boolean | undefined;
  /** An option set and not yet drawn. */
  #pending = false;
  #seen = new IntersectionObserver((entries) => {
    this.#visible = entries[entries.length - 1]!.isIntersecting;
    if (this.#pending) this.#schedule();
  });

  static override styles = css`
    :host {
      display: block;
      height: 280px;
      /* ECharts' layers can outgrow the host before a resize; they must not cover (and take the clicks of) what follows */
      overflow: hidden;
    }
    /* Only the chart's own box: ECharts' tooltip is a div too, and must not grow over the controls below. */
    .canvas {
      width: 100%;
      height: 100%;
    }
  `;

  override render() {
    return html`<div class="canvas" role="img" aria-label=${this.label ?? ''}></div>`;
  }

  override firstUpdated(): void {
    this.#resize.observe(this.renderRoot.querySelector('.canvas') as HTMLElement);
    this.#seen.observe(this);
  }

  /**
   * ECharts' chart, made at its first drawing: made as the element renders, ECharts would read the
   * chart's size while the page's new elements are not yet laid out, and lay out the whole page then,
   * in the task that rendered them; made when the chart comes into view, the layout is done.
   */
  #made(): echarts.ECharts {
    this.#chart ??= echarts.init(this.renderRoot.querySelector('.canvas') as HTMLElement, THEME, { renderer: 'canvas', devicePixelRatio: this.pixelRatio });
    return this.#chart;
  }

  /** Draw, and mark the page's first chart drawn (`first-chart`, for the benchmark's time to first chart). */
  #drawn(draw: () => void): void {
    draw();
    if (!performance.getEntriesByName('first-chart').length) performance.mark('first-chart');
  }

  /** How many times the chart has drawn a new option (for tests and the benchmark). */
  drawCount = 0;

  override updated(changed: Map<string, unknown>): void {
    if (!changed.has('option') || !this.option) return;
    this.#schedule();
  }

  /** Draw the newest option in a task of its own once the chart is in view. */
  #schedule(): void {
    this.#pending = true;
    waiting.delete(this.#order);
    clearTimeout(this.#printing);
    // A chart for print draws in a task of its own, not queued: drawn in the task that opened the report, or a
    // frame apart, the charts of a printed page were left at the screen's width (test/browser/report-print.test.ts).
    if (this.pixelRatio) this.#printing = setTimeout(() => this.#flush(), 0);
    else if (this.#visible) {
      waiting.set(this.#order, { draw: () => this.#flush(), update: !!this.#chart });
      // A chart's first drawing (its making included) waits for a task of its own, not to lengthen the
      // task that laid out the page around it.
      drawSoon(!this.#chart);
    }
  }

  #printing?: ReturnType<typeof setTimeout>;

  /** The option drawn, as text, and its shape (the text with every number as 0). */
  #drawnKey?: string;
  #drawnShape?: string;

  #flush(): void {
    waiting.delete(this.#order);
    clearTimeout(this.#printing);
    if (!this.#pending || !this.option || !this.isConnected) return;
    this.#pending = false;
    const key = optionText(this.option, false);
    if (key === this.#drawnKey) return;
    const shape = optionText(this.option, true);
    // Same keys and texts, other numbers: merging sets every value the new option has, so it draws the same as
    // building anew; anything added or removed (a series, an axis bound, a band) builds anew.
    const inPlace = shape === this.#drawnShape;
    const chart = this.#made();
    this.#drawn(() => chart.setOption(this.option!, inPlace ? {} : { notMerge: true }));
    this.#drawnKey = key;
    this.#drawnShape = shape;
    this.drawCount++;
    this.dispatchEvent(new Event('drawn'));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize.disconnect();
    this.#seen.disconnect();
    waiting.delete(this.#order);
    clearTimeout(this.#printing);
    this.#chart?.dispose();
    this.#chart = undefined;
    this.#drawnKey = this.#drawnShape = undefined;
  }

  /** The chart's rendered series, for tests (a chart out of sight draws its newest option first). */
  get renderedOption(): unknown {
    this.#flush();
    return this.#chart?.getOption();
  }
}
/**
 * Draw a chart of the workbench's kind (bars, a line on a second axis, bands, legend, tooltip) out of
 * sight, and drop it: ECharts' first drawing on a page costs several times a later one (its code runs
 * for the first time, text is measured, caches fill). The entry point does this while the page waits
 * for its first projection, so the first chart of the results draws at the later speed. It draws in
 * steps, each in a task of its own (the axes, a line, bars, then the whole kind), so no step holds the main
 * thread long; it stops between steps once `wanted` says no (the results have come).
 */
export async function warmUpCharts(wanted: () => boolean = () => true): Promise<void> {
  const el = document.createElement('div');
  el.setAttribute('aria-hidden', 'true');
  el.style.cssText = 'position:fixed;left:-10000px;top:0;width:640px;height:280px;visibility:hidden';
  document.body.append(el);
  const chart = echarts.init(el, THEME, { renderer: 'canvas' });
  const years = Array.from({ length: 30 }, (_, i) => String(2022 + i));
  const values = years.map((_, i) => 1000 - i * 50);
  const axes = { animation: false, grid: { left: 64, right: 56, top: 36, bottom: 52, outerBoundsMode: 'none' }, xAxis: { type: 'category', data: years } };
  const steps: echarts.EChartsCoreOption[] = [
    { ...axes, yAxis: { type: 'value', name: '万元', min: 0, max: 1000 } },
    { ...axes, yAxis: { type: 'value', name: '万元' }, series: [{ name: 'c', type: 'line', data: values }] },
    {
      ...axes,
      yAxis: { type: 'value', name: '万元' },
      series: [
        { name: 'a', type: 'bar', stack: 's', data: values, itemStyle: { color: (p: { value: number }) => (p.value < 0 ? '#b3261e' : '#0b5cad') } },
        { name: 'b', type: 'bar', stack: 's', data: values },
      ],
    },
    {
      ...axes,
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0, type: 'scroll' },
      yAxis: [{ type: 'value', name: '万元' }, { type: 'value', name: '月', splitLine: { show: false } }],
      series: [
        { name: 'a', type: 'bar', stack: 's', data: values, itemStyle: { color: (p: { value: number }) => (p.value < 0 ? '#b3261e' : '#0b5cad') } },
        { name: 'b', type: 'bar', stack: 's', data: values },
        { name: 'c', type: 'line', yAxisIndex: 1, data: values.map((v) => v / 100), markArea: { silent: true, data: [[{ yAxis: 0 }, { yAxis: 3 }]] } },
      ],
    },
  ];
  try {
    for (const option of steps) {
      await nextTask();
      if (!wanted()) break;
      chart.setOption(option, { notMerge: true });
    }
  } finally {
    chart.dispose();
    el.remove();
  }
}

/** An option as JSON text (functions by their source); with `shape`, every number written as 0. */
function optionText(option: echarts.EChartsCoreOption, shape: boolean): string {
  return JSON.stringify(option, (_k, v: unknown) => (typeof v === 'function' ? String(v) : shape && typeof v === 'number' ? 0 : v));
}

customElements.define('yb-chart', YbChart);

declare global {
  interface HTMLElementTagNameMap {
    'yb-chart': YbChart;
  }
}
