/**
 * Evaluates Bicep expressions for given parameter values, so that the deployment tests can see
 * what a template hands to its modules and resources (which env vars a container gets, what a
 * secret's value reaches). What only Azure knows at deployment time (resource properties,
 * module outputs, `uniqueString`, the tenant) stays an {@link Unknown} that carries its origin
 * as text. A function the evaluator does not know is an error naming it.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { declaration, parseBicep, type BicepExpr, type BicepFile, type BicepStatement } from './bicep';

/** A value only the deployment knows; `text` says where it comes from (`storage.outputs.name`). */
export class Unknown {
  constructor(readonly text: string) {}

  toString(): string {
    return `<${this.text}>`;
  }
}

/** A lambda with the names it closes over. */
export class Closure {
  constructor(
    readonly params: string[],
    readonly body: BicepExpr,
    readonly locals: ReadonlyMap<string, BicepValue>,
  ) {}
}

/** What a Bicep expression evaluates to. */
export type BicepValue =
  string | number | boolean | null | Unknown | Closure | BicepValue[] | { [key: string]: BicepValue };

/** Reads and parses a Bicep file. */
export function readBicep(path: string): BicepFile {
  return parseBicep(readFileSync(path, 'utf8'), path);
}

type Builtin = (args: BicepValue[], call: (f: BicepValue, ...a: BicepValue[]) => BicepValue) => BicepValue;

const isObject = (v: BicepValue): v is { [key: string]: BicepValue } =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Unknown) && !(v instanceof Closure);

/** Text of a value inside a string: Unknowns as `<origin>`. */
export function textOf(value: BicepValue): string {
  if (value instanceof Unknown) return value.toString();
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function unknownIfAny(args: BicepValue[], name: string, known: () => BicepValue): BicepValue {
  const unknown = args.find((a) => a instanceof Unknown);
  return unknown ? new Unknown(`${name}(${args.map(textOf).join(', ')})`) : known();
}

function asArray(value: BicepValue, name: string): BicepValue[] {
  if (!Array.isArray(value)) throw new Error(`${name}: expected an array, got ${textOf(value)}`);
  return value;
}

function asObject(value: BicepValue, name: string): { [key: string]: BicepValue } {
  if (!isObject(value)) throw new Error(`${name}: expected an object, got ${textOf(value)}`);
  return value;
}

const BUILTINS: Record<string, Builtin> = {
  concat: (args) =>
    args.every(Array.isArray)
      ? (args as BicepValue[][]).flat(1)
      : unknownIfAny(args, 'concat', () => args.map(textOf).join('')),
  union: (args) => Object.assign({}, ...args.map((a) => asObject(a, 'union'))),
  items: ([o]) =>
    Object.keys(asObject(o, 'items'))
      .sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()))
      .map((key) => ({ key, value: (o as Record<string, BicepValue>)[key] })),
  map: ([a, f], call) => asArray(a, 'map').map((item) => call(f, item)),
  filter: ([a, f], call) => asArray(a, 'filter').filter((item) => call(f, item) === true),
  toObject: ([a, k, v], call) =>
    Object.fromEntries(asArray(a, 'toObject').map((item) => [textOf(call(k, item)), v ? call(v, item) : item])),
  empty: ([v]) => {
    if (v instanceof Unknown) return false;
    if (v === null || v === '') return true;
    if (Array.isArray(v)) return v.length === 0;
    return isObject(v) && Object.keys(v).length === 0;
  },
  toLower: (args) => unknownIfAny(args, 'toLower', () => textOf(args[0]).toLowerCase()),
  toUpper: (args) => unknownIfAny(args, 'toUpper', () => textOf(args[0]).toUpperCase()),
  replace: (args) => unknownIfAny(args, 'replace', () => textOf(args[0]).split(textOf(args[1])).join(textOf(args[2]))),
  string: ([v]) => (v instanceof Unknown ? v : textOf(v)),
  json: ([v]) => (v instanceof Unknown ? v : (JSON.parse(textOf(v)) as BicepValue)),
  base64ToString: (args) =>
    unknownIfAny(args, 'base64ToString', () => Buffer.from(textOf(args[0]), 'base64').toString('utf8')),
  length: ([v]) =>
    Array.isArray(v)
      ? v.length
      : isObject(v)
        ? Object.keys(v).length
        : unknownIfAny([v], 'length', () => textOf(v).length),
  uniqueString: (args) => new Unknown(`uniqueString(${args.map(textOf).join(', ')})`),
  guid: (args) => new Unknown(`guid(${args.map(textOf).join(', ')})`),
  subscriptionResourceId: (args) => new Unknown(`subscriptionResourceId(${args.map(textOf).join(', ')})`),
  tenant: () => new Unknown('tenant()'),
  subscription: () => new Unknown('subscription()'),
  resourceGroup: () => new Unknown('resourceGroup()'),
  environment: () => new Unknown('environment()'),
};

/** The Bicep functions the evaluator knows. */
export const KNOWN_FUNCTIONS: ReadonlySet<string> = new Set(Object.keys(BUILTINS));

/**
 * The values of one template for given parameters: parameters not given take their default;
 * one without a default is an error naming it.
 */
export class TemplateValues {
  private readonly vars = new Map<string, BicepValue>();

  /**
   * @param known - Values the deployment would supply, by their origin (`storage.outputs.name`),
   *   in place of Unknowns.
   */
  constructor(
    readonly file: BicepFile,
    private readonly params: Readonly<Record<string, BicepValue>>,
    private readonly known: Readonly<Record<string, BicepValue>> = {},
  ) {
    const declared = new Set(
      file.statements.filter((s) => s.kind === 'param').map((s) => (s as { name: string }).name),
    );
    for (const name of Object.keys(params)) {
      if (!declared.has(name)) throw new Error(`${file.path} has no parameter ${name}`);
    }
  }

  /** The value of a parameter or variable. */
  value(name: string): BicepValue {
    return this.identifier(name, new Map());
  }

  /** Evaluates an expression of this template. */
  evaluate(expression: BicepExpr, locals: ReadonlyMap<string, BicepValue> = new Map()): BicepValue {
    switch (expression.kind) {
      case 'literal':
        return expression.value;
      case 'string': {
        const parts = expression.parts.map((p) => this.evaluate(p, locals));
        if (parts.length === 1 && expression.segments.every((segment) => segment === '')) return parts[0];
        const text = expression.segments
          .map((segment, i) => segment + (i < parts.length ? textOf(parts[i]) : ''))
          .join('');
        return parts.some((p) => p instanceof Unknown) ? new Unknown(text) : text;
      }
      case 'object':
        return Object.fromEntries(
          expression.props.map((p) => [
            p.keyExpression ? textOf(this.evaluate(p.keyExpression, locals)) : p.key,
            this.evaluate(p.value, locals),
          ]),
        );
      case 'array':
        return expression.items.map((item) => this.evaluate(item, locals));
      case 'for':
        return asArray(this.evaluate(expression.source, locals), 'for').flatMap((item, i) => {
          const inner = new Map(locals).set(expression.variables[0], item);
          if (expression.variables[1]) inner.set(expression.variables[1], i);
          if (expression.condition && this.evaluate(expression.condition, inner) !== true) return [];
          return [this.evaluate(expression.body, inner)];
        });
      case 'identifier':
        return this.identifier(expression.name, locals);
      case 'lambda':
        return new Closure(expression.params, expression.body, locals);
      case 'member': {
        const object = this.evaluate(expression.object, locals);
        if (object instanceof Unknown) {
          const origin = `${object.text}.${expression.name}`;
          return origin in this.known ? this.known[origin] : new Unknown(origin);
        }
        return asObject(object, `.${expression.name}`)[expression.name] ?? null;
      }
      case 'index': {
        const object = this.evaluate(expression.object, locals);
        const index = this.evaluate(expression.index, locals);
        if (object instanceof Unknown || index instanceof Unknown) {
          return new Unknown(`${object instanceof Unknown ? object.text : textOf(object)}[${textOf(index)}]`);
        }
        if (Array.isArray(object)) return object[index as number] ?? null;
        return asObject(object, '[…]')[textOf(index)] ?? null;
      }
      case 'call':
        return this.call(expression, locals);
      case 'operator':
        return this.operator(expression.operator, expression.operands, locals);
      default:
        throw new Error(`cannot evaluate ${(expression as BicepExpr).kind}`);
    }
  }

  /** The parameters a module statement hands to its template. */
  moduleParams(symbol: string): Record<string, BicepValue> {
    const module = declaration(this.file, 'module', symbol);
    const params = module.body.kind === 'object' ? module.body.props.find((p) => p.key === 'params')?.value : undefined;
    return params ? asObject(this.evaluate(params), `${symbol}.params`) : {};
  }

  /** The values of the template a module statement deploys, for the parameters it hands over. */
  module(symbol: string): TemplateValues {
    const module = declaration(this.file, 'module', symbol);
    return new TemplateValues(readBicep(join(dirname(this.file.path), module.path)), this.moduleParams(symbol));
  }

  private identifier(name: string, locals: ReadonlyMap<string, BicepValue>): BicepValue {
    const local = locals.get(name);
    if (local !== undefined) return local;
    const statement = this.file.statements.find((s): s is BicepStatement => 'name' in s && s.name === name);
    if (!statement) throw new Error(`${this.file.path}: ${name} is not declared`);
    switch (statement.kind) {
      case 'param':
        if (name in this.params) return this.params[name];
        if (!statement.defaultValue) throw new Error(`${this.file.path}: parameter ${name} needs a value`);
        return this.evaluate(statement.defaultValue);
      case 'var':
        if (!this.vars.has(name)) this.vars.set(name, this.evaluate(statement.value));
        return this.vars.get(name) as BicepValue;
      case 'resource':
      case 'module':
        return new Unknown(name);
      default:
        throw new Error(`${this.file.path}: ${name} is a ${statement.kind}, not a value`);
    }
  }

  private call(expression: Extract<BicepExpr, { kind: 'call' }>, locals: ReadonlyMap<string, BicepValue>): BicepValue {
    const args = expression.args.map((a) => this.evaluate(a, locals));
    const { callee } = expression;
    const apply = (f: BicepValue, ...values: BicepValue[]): BicepValue => {
      if (!(f instanceof Closure)) throw new Error(`expected a lambda, got ${textOf(f)}`);
      const inner = new Map(f.locals);
      f.params.forEach((p, i) => inner.set(p, values[i]));
      return this.evaluate(f.body, inner);
    };
    if (callee.kind === 'identifier' && !locals.has(callee.name)) {
      const func = this.file.statements.find((s) => s.kind === 'func' && s.name === callee.name);
      if (func && func.kind === 'func') {
        return this.evaluate(func.body, new Map(func.params.map((p, i) => [p, args[i]])));
      }
      const builtin = BUILTINS[callee.name];
      if (!builtin) throw new Error(`${this.file.path}: the evaluator does not know the function ${callee.name}`);
      return builtin(args, apply);
    }
    const target = this.evaluate(callee, locals);
    if (target instanceof Unknown) return new Unknown(`${target.text}(${args.map(textOf).join(', ')})`);
    return apply(target, ...args);
  }

  private operator(operator: string, operands: BicepExpr[], locals: ReadonlyMap<string, BicepValue>): BicepValue {
    const value = (i: number) => this.evaluate(operands[i], locals);
    if (operator === '?:') {
      const condition = value(0);
      if (condition instanceof Unknown) return new Unknown(`${condition.text} ? … : …`);
      return condition === true ? value(1) : value(2);
    }
    if (operator === '!') {
      const operand = value(0);
      return operand instanceof Unknown ? new Unknown(`!${operand.text}`) : operand !== true;
    }
    const left = value(0);
    if (operator === '??') return left === null ? value(1) : left;
    if (operator === '&&' && left === false) return false;
    if (operator === '||' && left === true) return true;
    const right = value(1);
    if (left instanceof Unknown || right instanceof Unknown) {
      return new Unknown(`${textOf(left)} ${operator} ${textOf(right)}`);
    }
    switch (operator) {
      case '&&':
      case '||':
        return right === true;
      case '==':
        return JSON.stringify(left) === JSON.stringify(right);
      case '!=':
        return JSON.stringify(left) !== JSON.stringify(right);
      case '+':
        return (left as number) + (right as number);
      case '-':
        return (left as number) - (right as number);
      default:
        throw new Error(`${this.file.path}: the evaluator does not know the operator ${operator}`);
    }
  }
}
