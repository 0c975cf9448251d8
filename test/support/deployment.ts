/**
 * The Azure deployment as the tests see it: infra/main.bicep evaluated for chosen parameter
 * values, the desk's container app module within it, what its container gets, and
 * infra/main.parameters.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { declarations, propertyAt, type BicepFile } from './bicep';
import { Closure, readBicep, type TemplateValues, Unknown, type BicepValue } from './bicepValues';

export const REPO = join(__dirname, '..', '..');
export const MAIN_BICEP = join(REPO, 'infra', 'main.bicep');
export const MAIN_PARAMETERS = join(REPO, 'infra', 'main.parameters.json');

/** Marks the value of a secure parameter, so a test can tell where it ends up. */
export const SECRET_MARK = 'secret-value-of:';
/** Marks the value of any other string parameter. */
export const VALUE_MARK = 'value-of:';

export function mainTemplate(): BicepFile {
  return readBicep(MAIN_BICEP);
}

/**
 * A value for every parameter of a template: a secure string is `secret-value-of:<name>`, a
 * parameter ending in Base64 the base64 of `value-of:<name>`, any other string
 * `value-of:<name>`; numbers and booleans keep their defaults (false without one).
 */
export function everyParameterSet(file: BicepFile): Record<string, BicepValue> {
  const values: Record<string, BicepValue> = {};
  for (const param of declarations(file, 'param')) {
    const secure = param.decorators.some((d) => d.name === 'secure');
    if (param.type === 'string') {
      const text = `${secure ? SECRET_MARK : VALUE_MARK}${param.name}`;
      values[param.name] = param.name.endsWith('Base64') ? Buffer.from(text).toString('base64') : text;
    } else if (param.type === 'bool' && !param.defaultValue) {
      values[param.name] = false;
    }
  }
  return values;
}

/** The names of the secure parameters of a template. */
export function secureParameters(file: BicepFile): string[] {
  return declarations(file, 'param')
    .filter((p) => p.decorators.some((d) => d.name === 'secure'))
    .map((p) => p.name);
}

/** The container app the desk runs in: the module of main.bicep that deploys one, and the resource. */
export function deskApp(main: TemplateValues) {
  const modules = declarations(main.file, 'module').filter((m) =>
    declarations(readBicep(join(REPO, 'infra', m.path)), 'resource').some(
      (r) => r.type.startsWith('Microsoft.App/containerApps@') && !r.existing,
    ),
  );
  if (modules.length !== 1) throw new Error(`main.bicep should deploy one container app, found ${modules.length}`);
  const symbol = modules[0].name;
  const template = main.module(symbol);
  const resource = declarations(template.file, 'resource').find(
    (r) => r.type.startsWith('Microsoft.App/containerApps@') && !r.existing,
  );
  if (!resource) throw new Error('unreachable');
  return { symbol, template, resource };
}

/** An env var of a container: a plain value or a reference to one of the app's secrets. */
export interface ContainerEnv {
  name: string;
  value?: BicepValue;
  secretRef?: string;
}

/** The env vars the desk's container gets. */
export function deskEnv(main: TemplateValues): ContainerEnv[] {
  const { template, resource } = deskApp(main);
  const containers = template.evaluate(
    propertyAt(resource.body, 'properties.template.containers') as never,
  ) as BicepValue[];
  if (containers.length !== 1) throw new Error(`the desk's app should run one container, found ${containers.length}`);
  return (containers[0] as unknown as { env: ContainerEnv[] }).env;
}

/** The secrets of the desk's container app. */
export function deskSecrets(main: TemplateValues): Record<string, BicepValue>[] {
  const { template, resource } = deskApp(main);
  return template.evaluate(propertyAt(resource.body, 'properties.configuration.secrets') as never) as Record<
    string,
    BicepValue
  >[];
}

/** main.parameters.json: parameter → its value as written (`${NAME}`, `${NAME=default}`). */
export function deploymentParameters(): Record<string, string> {
  const json = JSON.parse(readFileSync(MAIN_PARAMETERS, 'utf8')) as { parameters: Record<string, { value: unknown }> };
  return Object.fromEntries(Object.entries(json.parameters).map(([name, { value }]) => [name, String(value)]));
}

/** The azd environment variable a parameter value reads (`${NAME}` or `${NAME=default}`), if it is one. */
export function environmentVariable(value: string): string | undefined {
  return /^\$\{([A-Za-z_][A-Za-z0-9_]*)(=[^}]*)?\}$/.exec(value)?.[1];
}

/** Whether a value, anywhere inside (Unknown origins included), contains a text. */
export function contains(value: BicepValue, text: string): boolean {
  if (typeof value === 'string') return value.includes(text);
  if (value instanceof Unknown) return value.text.includes(text);
  if (Array.isArray(value)) return value.some((v) => contains(v, text));
  if (value && typeof value === 'object' && !(value instanceof Closure)) {
    return Object.values(value).some((v) => contains(v, text));
  }
  return false;
}
