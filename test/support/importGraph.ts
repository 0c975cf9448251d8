import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/** One import of a source file, as written. */
export interface SourceImport {
  specifier: string;
  /** Erased when compiled (`import type`, `export type`, `import('x').T` in a type): loads nothing at run time. */
  typeOnly: boolean;
}

/**
 * Every import of a TypeScript file: import and export declarations, `import x = require()`,
 * and `require('x')` / `import('x')` calls with a literal name (others cannot be followed).
 */
export function importsOf(file: string): SourceImport[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: SourceImport[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.importClause?.isTypeOnly ?? false });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const name = node.moduleReference.expression;
      if (ts.isStringLiteral(name)) found.push({ specifier: name.text, typeOnly: node.isTypeOnly });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const name = node.argument.literal;
      if (ts.isStringLiteral(name)) found.push({ specifier: name.text, typeOnly: true });
    } else if (ts.isCallExpression(node) && node.arguments.length >= 1 && ts.isStringLiteralLike(node.arguments[0])) {
      const callee = node.expression;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      const loads = callee.kind === ts.SyntaxKind.ImportKeyword || isRequire;
      if (loads) found.push({ specifier: node.arguments[0].text, typeOnly: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The file a relative import names, as the compiler finds it; undefined when there is none. */
export function resolveRelative(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  const candidates = [`${base}.ts`, join(base, 'index.ts'), base, `${base}.js`];
  return candidates.find((path) => existsSync(path) && statSync(path).isFile());
}

/** The package a bare import loads (`@scope/name/deep` is `@scope/name`); undefined for Node's own modules. */
export function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0])) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const isRelative = (specifier: string) => specifier.startsWith('./') || specifier.startsWith('../');

/** Every TypeScript file below `folder`. */
export function sourcesBelow(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourcesBelow(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** What `entry` loads when it runs: its source files, and each package with the first file that imports it. */
export interface RuntimeGraph {
  files: string[];
  packages: Map<string, string>;
  /** Relative imports that name no file, as `file: 'specifier'`. */
  unresolved: string[];
}

/** Follows the imports that load something at run time (not type-only ones) from `entry`. */
export function runtimeGraph(entry: string, root: string): RuntimeGraph {
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const unresolved: string[] = [];
  const pending = [resolve(entry)];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    if (!file.endsWith('.ts')) continue;
    for (const { specifier, typeOnly } of importsOf(file)) {
      if (typeOnly) continue;
      if (!isRelative(specifier)) {
        const name = packageOf(specifier);
        if (name && !packages.has(name)) packages.set(name, relative(root, file));
        continue;
      }
      const target = resolveRelative(file, specifier);
      if (target) pending.push(target);
      else unresolved.push(`${relative(root, file)}: '${specifier}'`);
    }
  }
  return { files: [...files].map((file) => relative(root, file)), packages, unresolved };
}

/**
 * Imports from the files below `folders` (type-only ones too) of anything under `forbidden`,
 * as `file imports 'specifier'`, relative to `root`.
 */
export function importsInto(root: string, folders: string[], forbidden: string): string[] {
  const fence = resolve(root, forbidden) + sep;
  return folders.flatMap((folder) =>
    sourcesBelow(resolve(root, folder)).flatMap((file) =>
      importsOf(file)
        .filter(({ specifier }) => isRelative(specifier) && resolve(dirname(file), specifier).startsWith(fence))
        .map(({ specifier }) => `${relative(root, file)} imports '${specifier}'`),
    ),
  );
}

/** Which imports make an edge of the graph {@link importCycles} searches. */
export interface CycleOptions {
  /** Count `import type` and other erased imports too (default: only imports that load a file at run time). */
  typeOnly?: boolean;
}

/**
 * The import cycles among the TypeScript files below `folders`: each group of files that reach one
 * another through their relative imports (a strongly connected component of more than one file,
 * or a file that imports itself), as paths relative to `root`, sorted, groups sorted by their first file.
 */
export function importCycles(root: string, folders: string[], options: CycleOptions = {}): string[][] {
  const files = folders.flatMap((folder) => sourcesBelow(resolve(root, folder)));
  const known = new Set(files);
  const edges = new Map<string, string[]>();
  for (const file of files) {
    const targets = importsOf(file)
      .filter(({ specifier, typeOnly }) => isRelative(specifier) && (options.typeOnly || !typeOnly))
      .map(({ specifier }) => resolveRelative(file, specifier))
      .filter((target): target is string => target !== undefined && known.has(target));
    edges.set(file, [...new Set(targets)]);
  }
  return stronglyConnected(files, edges)
    .filter((group) => group.length > 1 || (edges.get(group[0]) ?? []).includes(group[0]))
    .map((group) => group.map((file) => relative(root, file)).sort())
    .sort((a, b) => a[0].localeCompare(b[0]));
}

/** Tarjan's algorithm, iterative (a deep import chain would overflow the stack when recursive). */
function stronglyConnected(nodes: string[], edges: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  let next = 0;
  for (const start of nodes) {
    if (index.has(start)) continue;
    const work: { node: string; edge: number }[] = [{ node: start, edge: 0 }];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const targets = edges.get(frame.node) ?? [];
      if (frame.edge < targets.length) {
        const target = targets[frame.edge++];
        if (!index.has(target)) {
          index.set(target, next);
          low.set(target, next++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, edge: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const group: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          group.push(member);
        } while (member !== frame.node);
        groups.push(group);
      }
    }
  }
  return groups;
}
