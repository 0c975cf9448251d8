import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import {
  calledFunction,
  declarations,
  parseBicep,
  propertyAt,
  referencedNames,
  walk,
  type BicepExpr,
  type BicepFile,
  type BicepStatement,
} from '../support/bicep';
import { KNOWN_FUNCTIONS, readBicep, TemplateValues } from '../support/bicepValues';
import { REPO } from '../support/deployment';

// No Bicep compiler runs here: these checks stand in for the part of its work that catches
// slips in a template (an undeclared name, a module parameter that does not exist).

/** Every Bicep file under infra/. */
function templates(): BicepFile[] {
  const files: string[] = [];
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) visit(join(folder, entry.name));
      else if (entry.name.endsWith('.bicep')) files.push(join(folder, entry.name));
    }
  };
  visit(join(REPO, 'infra'));
  return files.map(readBicep);
}

/** Every expression of a statement, with the names it binds for them (a func's parameters). */
function expressionsOf(statement: BicepStatement): { expression: BicepExpr; bound: Set<string> }[] {
  const decorators = statement.decorators
    .flatMap((d) => d.args)
    .map((expression) => ({ expression, bound: new Set<string>() }));
  const own = (...list: (BicepExpr | undefined)[]) =>
    list.filter((e): e is BicepExpr => e !== undefined).map((expression) => ({ expression, bound: new Set<string>() }));
  switch (statement.kind) {
    case 'targetScope':
      return [...decorators, ...own(statement.value)];
    case 'param':
      return [...decorators, ...own(statement.defaultValue)];
    case 'var':
      return [...decorators, ...own(statement.value)];
    case 'output':
      return [...decorators, ...own(statement.value)];
    case 'func':
      return [...decorators, { expression: statement.body, bound: new Set(statement.params) }];
    case 'resource':
    case 'module':
      return [...decorators, ...own(statement.condition, statement.body)];
  }
}

const symbols = (file: BicepFile) =>
  new Set(file.statements.flatMap((s) => ('name' in s && s.kind !== 'output' ? [s.name] : [])));
const where = (file: BicepFile) => relative(REPO, file.path);

describe('Deployment: the Bicep templates hold together', () => {
  it('reads every template under infra/', () => {
    const names = templates().map(where).sort();
    assert.ok(names.includes('infra/main.bicep'));
    assert.ok(names.length >= 8, names.join(', '));
  });

  it('declares every name a template reads, and calls only Bicep functions the tests know or its own', () => {
    const problems: string[] = [];
    for (const file of templates()) {
      const declared = symbols(file);
      const funcs = new Set(declarations(file, 'func').map((f) => f.name));
      for (const statement of file.statements) {
        for (const { expression, bound } of expressionsOf(statement)) {
          for (const name of referencedNames(expression, bound)) {
            if (!declared.has(name) && !['az', 'sys'].includes(name)) {
              problems.push(`${where(file)}:${statement.line}: ${name} is not declared`);
            }
          }
          for (const part of walk(expression)) {
            const called = calledFunction(part);
            if (called && !KNOWN_FUNCTIONS.has(called) && !funcs.has(called)) {
              problems.push(`${where(file)}:${statement.line}: unknown function ${called}`);
            }
          }
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  it('gives each module the parameters its template requires and declares, and reads only its outputs', () => {
    const problems: string[] = [];
    for (const file of templates()) {
      const modules = new Map(
        declarations(file, 'module').map((m) => [m.name, readBicep(join(dirname(file.path), m.path))]),
      );
      for (const [symbol, template] of modules) {
        const module = declarations(file, 'module').find((m) => m.name === symbol) as Extract<
          BicepStatement,
          { kind: 'module' }
        >;
        const params = propertyAt(module.body, 'params');
        const given = params?.kind === 'object' ? params.props.map((p) => p.key) : [];
        const declared = declarations(template, 'param');
        for (const name of given) {
          if (!declared.some((p) => p.name === name)) {
            problems.push(`${symbol}: ${where(template)} has no parameter ${name}`);
          }
        }
        for (const p of declared) {
          if (!p.defaultValue && !given.includes(p.name)) problems.push(`${symbol}: ${p.name} is required`);
        }
      }
      const outputs = (symbol: string) => declarations(modules.get(symbol) as BicepFile, 'output').map((o) => o.name);
      for (const statement of file.statements) {
        for (const { expression } of expressionsOf(statement)) {
          for (const part of walk(expression)) {
            if (part.kind !== 'member' || part.object.kind !== 'member' || part.object.name !== 'outputs') continue;
            const owner = part.object.object;
            if (owner.kind === 'identifier' && modules.has(owner.name) && !outputs(owner.name).includes(part.name)) {
              problems.push(`${where(file)}:${statement.line}: ${owner.name} has no output ${part.name}`);
            }
          }
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  it('uses dated, non-preview API versions', () => {
    for (const file of templates()) {
      for (const resource of declarations(file, 'resource')) {
        assert.match(
          resource.type,
          /^[A-Za-z]+\.[A-Za-z]+\/[A-Za-z/]+@\d{4}-\d{2}-\d{2}$/,
          `${where(file)}: ${resource.type}`,
        );
      }
    }
  });

  it('the reader names the file and line of what it cannot read, and the tests of a name that is not declared', () => {
    assert.throws(
      () => parseBicep("param a string\nvar b = {\n  c: 'd'\n  e\n}\n", 'sample.bicep'),
      /sample\.bicep:4: expected :/,
    );
    assert.throws(() => parseBicep('var b = concat(1, 2\n', 'sample.bicep'), /sample\.bicep:2: expected \)/);
    const file = parseBicep('var b = toLower(missing)\n', 'sample.bicep');
    assert.throws(() => new TemplateValues(file, {}).value('b'), /sample\.bicep: missing is not declared/);
    const lambda = parseBicep(
      "var names = map(items({ A_B: 1 }), entry => toLower(replace(entry.key, '_', '-')))\n",
      's.bicep',
    );
    assert.deepEqual(new TemplateValues(lambda, {}).value('names'), ['a-b']);
  });
});
