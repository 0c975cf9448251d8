/**
 * Reads Bicep files into a small syntax tree, so that the deployment tests can check what the
 * infrastructure writes without a Bicep compiler. It covers the language the project's
 * templates use: parameters, variables, functions, resources, modules, outputs, decorators,
 * objects, arrays, loops, strings with interpolation, calls, lambdas and operators. Anything
 * else is an error naming the file and line, so a template the reader misreads fails loudly.
 */

export type { BicepDecorator, BicepExpr, BicepFile, BicepProperty, BicepStatement } from './syntax';
export { parseBicep } from './parser';
export { calledFunction, declaration, declarations, literalText, propertyAt, referencedNames, walk } from './queries';
