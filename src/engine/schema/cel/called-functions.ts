import type { parse } from '@bufbuild/cel';

type Expr = ReturnType<typeof parse>['expr'];

/** Operators and macros are planned specially, not looked up as named functions. */
const NAMED_FUNCTION = /^[A-Za-z][\w.]*$/;

function children(expr: Expr): (Expr | undefined)[] {
  const kind = expr.exprKind;
  switch (kind.case) {
    case 'selectExpr':
      return [kind.value.operand];
    case 'callExpr':
      return [kind.value.target, ...kind.value.args];
    case 'listExpr':
      return kind.value.elements;
    case 'structExpr':
      return kind.value.entries.flatMap((entry) => [
        entry.keyKind.case === 'mapKey' ? entry.keyKind.value : undefined,
        entry.value,
      ]);
    case 'comprehensionExpr': {
      const loop = kind.value;
      return [loop.iterRange, loop.accuInit, loop.loopCondition, loop.loopStep, loop.result];
    }
    case 'constExpr':
    case 'identExpr':
    case undefined:
      return [];
  }
}

/** Names of the functions and methods an expression calls (`url`, `getScheme`, `matches`...). */
export function calledFunctions(expr: Expr): Set<string> {
  const names = new Set<string>();
  const pending: (Expr | undefined)[] = [expr];
  while (pending.length > 0) {
    const next = pending.pop();
    if (next === undefined) {
      continue;
    }
    if (next.exprKind.case === 'callExpr' && NAMED_FUNCTION.test(next.exprKind.value.function)) {
      names.add(next.exprKind.value.function);
    }
    pending.push(...children(next));
  }
  return names;
}
