import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { declaration, declarations, literalText, type BicepExpr } from '../support/bicep';
import { TemplateValues, textOf, type BicepValue } from '../support/bicepValues';
import {
  deploymentParameters,
  deskEnv,
  environmentVariable,
  everyParameterSet,
  mainTemplate,
  REPO,
  SECRET_MARK,
  VALUE_MARK,
} from '../support/deployment';
import { envSampleSettings } from '../support/envSample';
import { LOCAL_ONLY_SETTINGS } from './localOnlySettings';

/** The variables azd itself fills in main.parameters.json. */
const AZD_OWN = ['AZURE_ENV_NAME', 'AZURE_LOCATION', 'SERVICE_DESK_RESOURCE_EXISTS'];
/** Settings `npm run package` reads, which the README has the admin keep in the azd environment too. */
const PACKAGE_SETTINGS = [
  'TEAMS_APP_ID',
  'DEVELOPER_NAME',
  'DEVELOPER_WEBSITE_URL',
  'DEVELOPER_PRIVACY_URL',
  'DEVELOPER_TERMS_URL',
];

/** The parameters a deployment cannot do without; every other one keeps its default. */
const REQUIRED = {
  environmentName: 'dev',
  location: 'westeurope',
  microsoftAppId: '00000000-0000-0000-0000-000000000001',
  microsoftAppPassword: 'p',
  referralsWebhookSecret: 's',
};

/** A parameter's default as a message says it. */
const describeDefault = (value: BicepExpr | undefined) =>
  value ? (literalText(value) ?? 'a computed value') : 'nothing';

/** The deployment with every parameter given a value that names it. */
function everythingSet(): TemplateValues {
  const main = mainTemplate();
  return new TemplateValues(main, everyParameterSet(main));
}

/** Which parameter of main.bicep each setting's value comes from (derived settings have none). */
function feedingParameters(values: TemplateValues): Map<string, string> {
  const vaultContents = values.moduleParams('keyVault').contents as Record<string, BicepValue>;
  const fed = new Map<string, string>();
  for (const env of deskEnv(values)) {
    // A plain setting carries its parameter's value; a secret or a file carries it into Key Vault.
    const stored =
      env.secretRef !== undefined || !textOf(env.value ?? '').startsWith(VALUE_MARK)
        ? vaultContents[env.name]
        : env.value;
    const match = new RegExp(`^(?:${VALUE_MARK}|${SECRET_MARK})(\\w+)$`).exec(typeof stored === 'string' ? stored : '');
    if (match) fed.set(env.name, match[1]);
  }
  return fed;
}

describe('Deployment: the settings the desk gets in Azure', () => {
  const sample = envSampleSettings();
  const documented = sample.map((s) => s.name);
  const localOnly = Object.keys(LOCAL_ONLY_SETTINGS);

  it('writes every setting env.sample documents to the container, but those for a local machine only', () => {
    const written = deskEnv(everythingSet()).map((e) => e.name);
    const missing = documented.filter((name) => !written.includes(name) && !localOnly.includes(name));
    assert.deepEqual(
      missing,
      [],
      `env.sample documents ${missing.join(', ')}, which infra/main.bicep does not write to the ` +
        'container: add it to the settings in main.bicep, or to test/deploy/localOnlySettings.ts with the reason',
    );
    const undocumented = written.filter((name) => !documented.includes(name));
    assert.deepEqual(
      undocumented,
      [],
      `infra/main.bicep writes ${undocumented.join(', ')}, which env.sample does not document`,
    );
    const twice = written.filter((name, i) => written.indexOf(name) !== i);
    assert.deepEqual(twice, [], `infra/main.bicep writes ${twice.join(', ')} more than once`);
  });

  it('keeps the local-only list to settings env.sample documents and the deployment leaves unset', () => {
    const written = deskEnv(everythingSet()).map((e) => e.name);
    const stale = localOnly.filter((name) => !documented.includes(name));
    assert.deepEqual(stale, [], `the local-only list names ${stale.join(', ')}, which env.sample does not document`);
    const both = localOnly.filter((name) => written.includes(name));
    assert.deepEqual(both, [], `${both.join(', ')} is local-only, yet infra/main.bicep writes it`);
  });

  it('sets what Azure decides: production, the port, single tenant, storage account, identity, host', () => {
    const values = new TemplateValues(mainTemplate(), REQUIRED);
    const env = new Map(deskEnv(values).map((e) => [e.name, e.value === undefined ? undefined : textOf(e.value)]));
    assert.equal(env.get('NODE_ENV'), 'production');
    assert.equal(env.get('PORT'), '3978');
    assert.equal(env.get('MicrosoftAppType'), 'SingleTenant');
    assert.equal(
      env.get('MicrosoftAppTenantId'),
      '<tenant().tenantId>',
      'the tenant of the subscription, unless given',
    );
    assert.equal(env.get('TABLES_ACCOUNT_URL'), '<storage.outputs.tableEndpoint>');
    assert.equal(env.get('AZURE_CLIENT_ID'), '<identity.outputs.clientId>');
    assert.match(env.get('BOT_DOMAIN') ?? '', /^<<desk-.*>\.<containerAppsEnvironment\.outputs\.defaultDomain>>$/);
  });

  it('defaults each setting taken from a deployment parameter as env.sample does', () => {
    const main = mainTemplate();
    const fed = feedingParameters(everythingSet());
    assert.ok(fed.size >= 25, `expected most settings to come from parameters, found ${[...fed.keys()].join(', ')}`);
    const problems: string[] = [];
    for (const [setting, param] of fed) {
      const sampleValue = sample.find((s) => s.name === setting)?.value ?? '';
      const declared = declaration(main, 'param', param).defaultValue;
      const defaultText = literalText(declared);
      if (sampleValue !== '' && defaultText !== sampleValue) {
        problems.push(
          `${setting}: env.sample says ${sampleValue}, parameter ${param} defaults to ${describeDefault(declared)}`,
        );
      }
      if (sampleValue === '' && defaultText !== undefined && defaultText !== '') {
        problems.push(`${setting}: env.sample leaves it empty, parameter ${param} defaults to ${defaultText}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('leaves a setting unset when its parameter is empty, as an empty line of env.sample does', () => {
    const values = new TemplateValues(mainTemplate(), REQUIRED);
    const env = deskEnv(values);
    assert.deepEqual(
      env.filter((e) => e.value === ''),
      [],
      'no env var with an empty value',
    );
    const names = env.map((e) => e.name);
    for (const unset of [
      'ALLOWED_TENANTS',
      'DESK_ADMINS',
      'TABLE_PREFIX',
      'PARTNER_CENTER_TENANT_ID',
      'PARTNER_CENTER_CLIENT_SECRET',
      'PARTNER_CENTER_REFRESH_TOKEN',
      'PARTNER_CENTER_TOKEN_KEY',
      'REGIONS_FILE',
      'SOLUTIONS_FILE',
      'PARTNER_CENTER_TRUST_ANCHORS',
    ]) {
      assert.ok(!names.includes(unset), `${unset} should stay unset`);
    }
    assert.ok(names.includes('MicrosoftAppPassword') && names.includes('REFERRALS_WEBHOOK_SECRET'));
    assert.deepEqual(Object.keys(values.moduleParams('keyVault').names as object).sort(), [
      'MicrosoftAppPassword',
      'REFERRALS_WEBHOOK_SECRET',
    ]);
  });

  it('mounts a setting file given in the azd environment and names it in the setting', () => {
    const main = mainTemplate();
    const regions = '{ "regions": [ { "code": "emea", "name": "EMEA", "countries": ["DE"] } ] }';
    const values = new TemplateValues(main, {
      ...REQUIRED,
      regionsFileBase64: Buffer.from(regions).toString('base64'),
    });
    const env = deskEnv(values).find((e) => e.name === 'REGIONS_FILE');
    assert.equal(env?.value, '/etc/referral-desk/regions-file');
    const vault = values.moduleParams('keyVault');
    assert.equal((vault.names as Record<string, string>).REGIONS_FILE, 'regions-file');
    assert.equal((vault.contents as Record<string, string>).REGIONS_FILE, regions);
  });

  it('reads each of those parameters from the azd environment variable named like the setting', () => {
    const parameters = deploymentParameters();
    const problems: string[] = [];
    const values = everythingSet();
    const files = Object.keys(values.value('fileSettings') as object);
    for (const [setting, param] of feedingParameters(values)) {
      const expected = files.includes(setting) ? `\${${setting}_BASE64}` : `\${${setting}}`;
      if (parameters[param] !== expected) {
        problems.push(`${param}: main.parameters.json has ${parameters[param] ?? 'nothing'}, not ${expected}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it("reads only azd's own variables and the settings' in main.parameters.json, and every required parameter", () => {
    const parameters = deploymentParameters();
    const main = mainTemplate();
    const declared = declarations(main, 'param');
    const unknownParams = Object.keys(parameters).filter((name) => !declared.some((p) => p.name === name));
    assert.deepEqual(unknownParams, [], 'main.parameters.json sets parameters main.bicep does not declare');
    const missing = declared.filter((p) => !p.defaultValue && !(p.name in parameters)).map((p) => p.name);
    assert.deepEqual(missing, [], 'required parameters main.parameters.json does not set');
    const variables = Object.values(parameters).map(environmentVariable);
    assert.ok(variables.every(Boolean), 'every value is ${NAME} or ${NAME=default}');
    const known = [...AZD_OWN, ...documented, ...documented.map((name) => `${name}_BASE64`)];
    assert.deepEqual(
      variables.filter((v) => !known.includes(v as string)),
      [],
    );
  });

  it("lists in the README's deploy section exactly the azd environment variables the deployment reads", () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    const start = readme.indexOf('\n## Deploy to your tenant\n');
    assert.ok(start >= 0, 'README has a section "## Deploy to your tenant"');
    const end = readme.indexOf('\n## ', start + 1);
    const section = readme.slice(start, end < 0 ? undefined : end);
    const read = Object.values(deploymentParameters())
      .map((v) => environmentVariable(v) as string)
      .filter((v) => !AZD_OWN.includes(v));
    const unnamed = read.filter(
      (name) => !section.includes(`\`${name}\``) && !section.includes(`azd env set ${name} `),
    );
    assert.deepEqual(unnamed, [], 'variables main.parameters.json reads that the README does not name');
    const set = [...section.matchAll(/azd env set ([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]);
    const strays = set.filter((name) => !read.includes(name) && !PACKAGE_SETTINGS.includes(name));
    assert.deepEqual(strays, [], 'the README sets azd variables the deployment does not read');
  });
});
