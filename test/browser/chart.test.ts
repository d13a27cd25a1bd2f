/**
 * <yb-chart> draws only what changed: an equal option (a lever that does not move this chart) is not
 * drawn again; an option with other numbers only is drawn in place; one with a series less is drawn
 * anew, without the series it no longer has.
 */
import { expect } from 'chai';
import '../../src/ui/components/chart.ts';
import type { YbChart } from '../../src/ui/components/chart.ts';
import { until } from './helpers.ts';
import { FONT_FAMILY } from '../../src/ui/styles.ts';

type Drawn = { series: { name: string; data: number[] }[]; yAxis: { min?: number }[] };

const option = (income: number[], expenditure?: number[], min?: number) => ({
  animation: false,
  tooltip: { trigger: 'axis' },
  xAxis: { type: 'category', data: ['2022', '2023', '2024'] },
  yAxis: { type: 'value', ...(min === undefined ? {} : { min }) },
  series: [{ name: '收入', type: 'bar', data: income }, ...(expenditure ? [{ name: '支出', type: 'line', data: expenditure }] : [])],
});

describe('yb-chart', () => {
  it('redraws only an option that changed, and then exactly the new one', async () => {
    const chart = document.createElement('yb-chart') as YbChart;
    document.body.append(chart);
    try {
      chart.option = option([43370.17, 45000, 46000], [9396.57, 9800, 10100], 0);
      await until(() => chart.drawCount === 1);
      // the same figures in a new object: nothing to draw
      chart.option = option([43370.17, 45000, 46000], [9396.57, 9800, 10100], 0);
      await chart.updateComplete;
      expect((chart.renderedOption as Drawn).series[0]!.data).to.deep.equal([43370.17, 45000, 46000]);
      expect(chart.drawCount).to.equal(1);
      // other numbers: drawn (in place)
      chart.option = option([43370.17, 45100, 46200], [9396.57, 9800, 10100], 0);
      await until(() => chart.drawCount === 2);
      expect((chart.renderedOption as Drawn).series.map((s) => s.data)).to.deep.equal([
        [43370.17, 45100, 46200],
        [9396.57, 9800, 10100],
      ]);
      // a series and the axis bound gone: drawn anew, neither is left over from before
      chart.option = option([43370.17, 45100, 46200]);
      await until(() => chart.drawCount === 3);
      const drawn = chart.renderedOption as Drawn;
      expect(drawn.series.map((s) => s.name)).to.deep.equal(['收入']);
      expect(drawn.yAxis[0]!.min).to.equal(undefined);
    } finally {
      chart.remove();
    }
  });

  it("writes its text in the page's typeface, Chinese faces first, not in ECharts' bare sans-serif", async () => {
    const chart = document.createElement('yb-chart') as YbChart;
    document.body.append(chart);
    try {
      chart.option = option([43370.17, 45000, 46000]);
      await until(() => chart.drawCount === 1);
      const family = (chart.renderedOption as { textStyle: { fontFamily: string } }).textStyle.fontFamily;
      expect(family).to.equal(FONT_FAMILY);
      // a Chinese face ahead of the system's Latin one, whose lack of Chinese sends every run of Chinese to a second lookup
      expect(family.indexOf('Noto Sans CJK SC')).to.be.within(0, family.indexOf('system-ui'));
      expect(family).to.contain('WenQuanYi Micro Hei');
    } finally {
      chart.remove();
    }
  });

  it('draws charts waiting together in the order they came into the page: their first drawings a frame apart, their updates in one task', async () => {
    const [first, second] = ['first', 'second'].map((id) => Object.assign(document.createElement('yb-chart') as YbChart, { id }));
    document.body.append(first!, second!);
    let frames = 0;
    let counting = true;
    const count = () => {
      frames++;
      if (counting) requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
    const drawn: [string, number][] = [];
    for (const c of [first!, second!]) c.addEventListener('drawn', () => drawn.push([c.id, frames]));
    try {
      await Promise.all([first!.updateComplete, second!.updateComplete]);
      // both known to be in view (the intersection observers report before a frame), as the fund view's charts are when a result comes
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      // the second is given its option first, in the same task: the first still draws first
      second!.option = option([1, 2, 3]);
      first!.option = option([4, 5, 6]);
      await until(() => drawn.length === 2);
      expect(drawn.map(([id]) => id)).to.deep.equal(['first', 'second']);
      // each chart's first drawing makes it (several times an update): the second waits for a frame
      expect(drawn[1]![1]).to.be.greaterThan(drawn[0]![1]);
      // new numbers for both, as a lever change gives them, the second first again: drawn in order, in one task
      // a task queued as the first draws runs before any later task: if the second has drawn by then, it drew in the first's task
      let firstsTask = false;
      let secondInFirstsTask = false;
      first!.addEventListener('drawn', () => ((firstsTask = true), setTimeout(() => (firstsTask = false), 0)), { once: true });
      second!.addEventListener('drawn', () => (secondInFirstsTask = firstsTask), { once: true });
      second!.option = option([1, 2, 4]);
      first!.option = option([4, 5, 7]);
      await until(() => drawn.length === 4);
      expect(drawn.slice(2).map(([id]) => id)).to.deep.equal(['first', 'second']);
      expect(drawn[3]![1]).to.equal(drawn[2]![1]);
      expect(secondInFirstsTask).to.equal(true);
    } finally {
      counting = false;
      first!.remove();
      second!.remove();
    }
  });
});
