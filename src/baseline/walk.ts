/**
 * Traversal of a baseline's breakdowns. The loader, the figure index and the
 * audit all need "every node, with where it is and what it may hold"; this is
 * the one place that knows the nesting.
 */
import { pointer } from '../common/errors.ts';
import { PERIOD_NODES, nodeSpec, type NodeSpec, type NodeSpecName, type PeriodNodeSlot } from './slots.ts';
import type { Baseline, Figure, Node } from './types.ts';

export interface NodeVisit {
  node: Node;
  spec: NodeSpec;
  /** JSON Pointer of the node in the baseline file. */
  pointer: string;
  /** Dotted keys from the period down, parts omitted: "income.contributions.pooling". */
  path: string;
  fund: string;
  /** A period key, or for contribution terms their span "2021-01..2021-06". */
  period: string;
  /** False for contribution terms, which are not fund accounts. */
  inPeriod: boolean;
}

function* walkNode(node: Node, specName: NodeSpecName, at: Omit<NodeVisit, 'node' | 'spec'>): Generator<NodeVisit> {
  const spec = nodeSpec(specName);
  yield { ...at, node, spec };
  if (!node.parts || !spec.parts) return;
  for (const [key, part] of Object.entries(node.parts)) {
    const partSpec = spec.parts[key];
    if (!partSpec) continue; // refused by the schema; tolerate here for partial inputs
    yield* walkNode(part, partSpec, {
      ...at,
      pointer: `${at.pointer}/parts/${key}`,
      path: `${at.path}.${key}`,
    });
  }
}

/** Every breakdown node in every fund period, parents before parts. */
export function* periodNodes(b: Baseline): Generator<NodeVisit> {
  for (const [fund, f] of Object.entries(b.funds)) {
    for (const [period, fp] of Object.entries(f.periods)) {
      for (const [slot, specName] of Object.entries(PERIOD_NODES) as [PeriodNodeSlot, NodeSpecName][]) {
        const node = fp[slot];
        if (!node) continue;
        yield* walkNode(node, specName, {
          pointer: pointer('funds', fund, 'periods', period, slot),
          path: slot,
          fund,
          period,
          inPeriod: true,
        });
      }
    }
  }
}

/** The contribution-rate breakdowns (8.2% = 6.2% + 2%). */
export function* contributionNodes(b: Baseline): Generator<NodeVisit> {
  for (const [fund, f] of Object.entries(b.funds)) {
    for (const [i, terms] of (f.contributions ?? []).entries()) {
      if (!terms.rate) continue;
      yield* walkNode(terms.rate, 'rate', {
        pointer: pointer('funds', fund, 'contributions', i, 'rate'),
        path: 'rate',
        fund,
        period: `${terms.from}..${terms.until ?? ''}`,
        inPeriod: false,
      });
    }
  }
}

/** A node's own printed figure, when it has one. */
export function figureOf(node: Node): Figure | undefined {
  if (node.value === undefined || node.unit === undefined || node.quote === undefined) return undefined;
  const f: Figure = { value: node.value, unit: node.unit, quote: node.quote };
  if (node.note !== undefined) f.note = node.note;
  if (node.precision !== undefined) f.precision = node.precision;
  return f;
}
