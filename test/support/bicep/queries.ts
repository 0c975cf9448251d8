// Finds what the tests ask about in a parsed file: declarations, nested properties, names read and literal values.
import type { BicepExpr, BicepFile, BicepStatement } from './syntax';

/** The declaration of a kind with a name; throws naming the file when there is none. */
export function declaration<K extends BicepStatement['kind']>(
  file: BicepFile,
  kind: K,
  name: string,
): Extract<BicepStatement, { kind: K }> {
  const found = file.statements.find((s) => s.kind === kind && 'name' in s && s.name === name);
  if (!found) throw new Error(`${file.path} declares no ${kind} ${name}`);
  return found as Extract<BicepStatement, { kind: K }>;
}

/** Every declaration of a kind. */
export function declarations<K extends BicepStatement['kind']>(
  file: BicepFile,
  kind: K,
): Extract<BicepStatement, { kind: K }>[] {
  return file.statements.filter((s) => s.kind === kind) as Extract<BicepStatement, { kind: K }>[];
}

/** The value at a dotted path of object properties (`properties.configuration.secrets`). */
export function propertyAt(expression: BicepExpr, path: string): BicepExpr | undefined {
  let current: BicepExpr | undefined = expression;
  for (const key of path.split('.')) {
    if (current?.kind !== 'object') return undefined;
    current = current.props.find((p) => p.key === key)?.value;
  }
  return current;
}

/** Every sub-expression of an expression, itself included, depth first. */
export function* walk(expression: BicepExpr): Generator<BicepExpr> {
  yield expression;
  switch (expression.kind) {
    case 'object':
      for (const p of expression.props) yield* walk(p.value);
      break;
    case 'array':
      for (const item of expression.items) yield* walk(item);
      break;
    case 'for':
      yield* walk(expression.source);
      if (expression.condition) yield* walk(expression.condition);
      yield* walk(expression.body);
      break;
    case 'string':
      for (const part of expression.parts) yield* walk(part);
      break;
    case 'call':
      yield* walk(expression.callee);
      for (const arg of expression.args) yield* walk(arg);
      break;
    case 'member':
      yield* walk(expression.object);
      break;
    case 'index':
      yield* walk(expression.object);
      yield* walk(expression.index);
      break;
    case 'lambda':
      yield* walk(expression.body);
      break;
    case 'operator':
      for (const operand of expression.operands) yield* walk(operand);
      break;
    default:
      break;
  }
}

/** The names an expression reads (not property names, nor its own lambda or loop variables). */
export function referencedNames(expression: BicepExpr, bound: ReadonlySet<string> = new Set()): string[] {
  switch (expression.kind) {
    case 'identifier':
      return bound.has(expression.name) ? [] : [expression.name];
    case 'lambda':
      return referencedNames(expression.body, new Set([...bound, ...expression.params]));
    case 'for': {
      const inner = new Set([...bound, ...expression.variables]);
      return [
        ...referencedNames(expression.source, bound),
        ...(expression.condition ? referencedNames(expression.condition, inner) : []),
        ...referencedNames(expression.body, inner),
      ];
    }
    case 'call':
      // A plain function name is not a symbol; a method's object is.
      return [
        ...(expression.callee.kind === 'identifier' ? [] : referencedNames(expression.callee, bound)),
        ...expression.args.flatMap((a) => referencedNames(a, bound)),
      ];
    case 'object':
      return expression.props.flatMap((p) => referencedNames(p.value, bound));
    case 'array':
      return expression.items.flatMap((i) => referencedNames(i, bound));
    case 'string':
      return expression.parts.flatMap((p) => referencedNames(p, bound));
    case 'member':
      return referencedNames(expression.object, bound);
    case 'index':
      return [...referencedNames(expression.object, bound), ...referencedNames(expression.index, bound)];
    case 'operator':
      return expression.operands.flatMap((o) => referencedNames(o, bound));
    default:
      return [];
  }
}

/** The name of the function a call calls (`toLower`, `az.resourceGroup` → `resourceGroup`), if it is a plain one. */
export function calledFunction(expression: BicepExpr): string | undefined {
  if (expression.kind !== 'call') return undefined;
  const { callee } = expression;
  if (callee.kind === 'identifier') return callee.name;
  if (callee.kind === 'member' && callee.object.kind === 'identifier' && ['az', 'sys'].includes(callee.object.name)) {
    return callee.name;
  }
  return undefined;
}

/** A literal's value as env.sample would write it, or undefined for anything computed. */
export function literalText(expression: BicepExpr | undefined): string | undefined {
  if (!expression) return undefined;
  if (expression.kind === 'string' && expression.parts.length === 0) return expression.value;
  if (expression.kind === 'literal' && expression.value !== null) return String(expression.value);
  return undefined;
}
