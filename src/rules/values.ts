/**
 * Static checks of value expressions: names that exist, literals in range,
 * named choices only where the parameter is a method.
 */
import { pointer, type InputProblem } from '../common/errors.ts';
import { isDecimalLiteral, D } from '../common/money.ts';
import type { ValueExpr } from './types.ts';
import type { Registry } from './registry.ts';

/** Problems with `expr` as the value of parameter `target`. */
export function valueProblems(
  expr: ValueExpr,
  target: string,
  registry: Registry,
  file: string,
  path: string,
): InputProblem[] {
  const spec = registry.get(target);
  if (spec.unit === 'method') {
    if (typeof expr !== 'string' || !spec.choices?.includes(expr)) {
      return [{ file, path, reason: `${target} must be one of ${JSON.stringify(spec.choices)}` }];
    }
    return [];
  }
  const problems: InputProblem[] = [];
  if (typeof expr === 'string') {
    if (!isDecimalLiteral(expr)) {
      problems.push({ file, path, reason: `${target} needs a decimal number written as a string, not "${expr}"` });
    } else {
      problems.push(...literalProblems(new D(expr), target, registry, file, path));
    }
    return problems;
  }
  walkRefs(expr, path, (name, at) => {
    if (!registry.has(name)) {
      const hint = registry.closest(name);
      problems.push({ file, path: at, reason: `unknown parameter "${name}"${hint ? ` (did you mean "${hint}"?)` : ''}` });
    } else if (registry.get(name).unit === 'method') {
      problems.push({ file, path: at, reason: `"${name}" is a method, not a number` });
    }
  }, (lit, at) => {
    if (!isDecimalLiteral(lit)) problems.push({ file, path: at, reason: `"${lit}" is not a decimal number` });
  });
  return problems;
}

/** A literal's range follows its parameter's unit. */
export function literalProblems(
  v: InstanceType<typeof D>,
  target: string,
  registry: Registry,
  file: string,
  path: string,
): InputProblem[] {
  const unit = registry.get(target).unit;
  if (unit === 'percent' && (v.lessThan(0) || v.greaterThan(100))) {
    return [{ file, path, reason: `${target} is a percentage and must be between 0 and 100, not ${v.toString()}` }];
  }
  if (v.isNegative()) return [{ file, path, reason: `${target} must not be negative, not ${v.toString()}` }];
  return [];
}

/** Visit every parameter reference and every literal inside an expression, with its JSON path. */
export function walkRefs(
  expr: ValueExpr,
  path: string,
  onParam: (name: string, path: string) => void,
  onLiteral: (text: string, path: string) => void = () => {},
): void {
  if (typeof expr === 'string') return onLiteral(expr, path);
  if ('param' in expr) return onParam(expr.param, path + pointer('param'));
  if ('series' in expr) return;
  if ('percentOf' in expr) {
    walkRefs(expr.percentOf, path + pointer('percentOf'), onParam, onLiteral);
    walkRefs(expr.percent, path + pointer('percent'), onParam, onLiteral);
    return;
  }
  const [key, items] = 'max' in expr ? ['max', expr.max] : ['min', expr.min];
  items.forEach((item, i) => walkRefs(item, path + pointer(key, i), onParam, onLiteral));
}
