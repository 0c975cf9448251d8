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
