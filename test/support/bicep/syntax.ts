// The syntax tree the Bicep reader builds from a file: its declarations and their expressions.

/** A Bicep expression. */
export type BicepExpr =
  | { kind: 'object'; props: BicepProperty[] }
  | { kind: 'array'; items: BicepExpr[] }
  | { kind: 'for'; variables: string[]; source: BicepExpr; condition?: BicepExpr; body: BicepExpr }
  /**
   * `value` is the text with escapes resolved and each interpolation kept as `${…}`;
   * `segments` are the literal pieces around the interpolated `parts` (one more than parts).
   */
  | { kind: 'string'; value: string; segments: string[]; parts: BicepExpr[] }
  | { kind: 'literal'; value: number | boolean | null }
  | { kind: 'identifier'; name: string }
  | { kind: 'call'; callee: BicepExpr; args: BicepExpr[] }
  | { kind: 'member'; object: BicepExpr; name: string }
  | { kind: 'index'; object: BicepExpr; index: BicepExpr }
  | { kind: 'lambda'; params: string[]; body: BicepExpr }
  | { kind: 'operator'; operator: string; operands: BicepExpr[] };

/** One `key: value` of an object; a quoted key with interpolation also has it as an expression. */
export interface BicepProperty {
  key: string;
  keyExpression?: BicepExpr;
  value: BicepExpr;
}

/** `@name(args)` before a declaration. */
export interface BicepDecorator {
  name: string;
  args: BicepExpr[];
}

/** A top-level declaration. */
export type BicepStatement = { decorators: BicepDecorator[]; line: number } & (
  | { kind: 'targetScope'; value: BicepExpr }
  | { kind: 'param'; name: string; type: string; defaultValue?: BicepExpr }
  | { kind: 'var'; name: string; value: BicepExpr }
  | { kind: 'func'; name: string; params: string[]; body: BicepExpr }
  | { kind: 'resource'; name: string; type: string; existing: boolean; condition?: BicepExpr; body: BicepExpr }
  | { kind: 'module'; name: string; path: string; condition?: BicepExpr; body: BicepExpr }
  | { kind: 'output'; name: string; type: string; value: BicepExpr }
);

/** A parsed Bicep file. */
export interface BicepFile {
  path: string;
  statements: BicepStatement[];
}
