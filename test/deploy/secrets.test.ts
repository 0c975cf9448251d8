import assert from 'node:assert/strict';
import { join } from 'node:path';
import { declaration, declarations, literalText, propertyAt } from '../support/bicep';
import { readBicep, TemplateValues, textOf } from '../support/bicepValues';
import {
  contains,
  deskEnv,
  deskSecrets,
  everyParameterSet,
  mainTemplate,
  REPO,
  SECRET_MARK,
  secureParameters,
} from '../support/deployment';
import { envSampleSettings } from '../support/envSample';
import { LOCAL_ONLY_SETTINGS } from './localOnlySettings';

/** Names of settings that hold a secret by their look; each must reach the container from Key Vault. */
const SECRET_LOOKING = /PASSWORD|SECRET|TOKEN|_KEY$|CONNECTION_STRING/i;

/** The settings of env.sample that hold a secret and apply in Azure. */
function secretSettingNames(): string[] {
  return envSampleSettings()
    .map((s) => s.name)
    .filter((name) => SECRET_LOOKING.test(name) && !(name in LOCAL_ONLY_SETTINGS));
}

function everythingSet(): TemplateValues {
  const main = mainTemplate();
  return new TemplateValues(main, everyParameterSet(main));
}

describe('Deployment: secrets reach the desk from Key Vault only', () => {
  it('hands every secret setting to the container as a reference to a Key Vault secret, never as a value', () => {
    const values = everythingSet();
    const env = deskEnv(values);
    const secrets = deskSecrets(values);
    const secretNames = secretSettingNames();
    assert.ok(secretNames.length >= 5, `expected the secret settings of env.sample, found ${secretNames.join(', ')}`);
    for (const name of secretNames) {
      const entry = env.find((e) => e.name === name);
      assert.ok(entry, `${name} reaches the container`);
      assert.equal(entry.value, undefined, `${name} has no plain value`);
      const secret = secrets.find((s) => s.name === entry.secretRef);
      assert.ok(secret, `${name} refers to one of the app's secrets (${entry.secretRef})`);
      assert.equal(
        textOf(secret.keyVaultUrl),
        `<<keyVault.outputs.uri>secrets/${entry.secretRef}>`,
        `${name}: a Key Vault reference`,
      );
      assert.equal(textOf(secret.identity), '<identity.outputs.id>', `${name}: read with the desk's identity`);
    }
  });

  it('gives the container app no secret with a value of its own, and no secret value anywhere in its settings', () => {
    const values = everythingSet();
    const secrets = deskSecrets(values);
    assert.ok(secrets.length > 0);
    for (const secret of secrets) {
      assert.deepEqual(
        Object.keys(secret).sort(),
        ['identity', 'keyVaultUrl', 'name'],
        `secret ${textOf(secret.name)}`,
      );
    }
    for (const entry of deskEnv(values)) {
      assert.ok(!contains(entry.value ?? '', SECRET_MARK), `${entry.name} carries a secret value`);
      assert.ok(
        (entry.value === undefined) !== (entry.secretRef === undefined),
        `${entry.name}: either a value or a secretRef`,
      );
    }
  });

  it('passes secret values only to secure parameters of modules, and outputs none', () => {
    const main = mainTemplate();
    const values = everythingSet();
    const problems: string[] = [];
    for (const module of declarations(main, 'module')) {
      const template = readBicep(join(REPO, 'infra', module.path));
      const secure = secureParameters(template);
      for (const [param, value] of Object.entries(values.moduleParams(module.name))) {
        if (contains(value, SECRET_MARK) && !secure.includes(param)) {
          problems.push(`${module.name}.${param} gets a secret but is not @secure()`);
        }
      }
    }
    for (const output of declarations(main, 'output')) {
      if (contains(values.evaluate(output.value), SECRET_MARK)) problems.push(`output ${output.name} carries a secret`);
    }
    assert.deepEqual(problems, []);
    assert.ok(
      contains(values.moduleParams('keyVault').contents, `${SECRET_MARK}microsoftAppPassword`),
      'Key Vault gets the secrets',
    );
  });

  it('takes every secret from a secure parameter', () => {
    const main = mainTemplate();
    const secure = secureParameters(main);
    const contents = everythingSet().moduleParams('keyVault').contents as Record<string, string>;
    for (const name of secretSettingNames()) {
      const param = /^secret-value-of:(\w+)$/.exec(contents[name] ?? '')?.[1];
      assert.ok(
        param && secure.includes(param),
        `${name} comes from a @secure() parameter of main.bicep (found ${contents[name]})`,
      );
    }
  });

  it("lets the desk's identity read secrets, pull the image and use the tables, each with its own role", () => {
    const values = everythingSet();
    const roles: Record<string, string> = {
      keyVault: '4633458b-17de-408a-b874-0445c86b69e6', // Key Vault Secrets User
      registry: '7f951dda-4ed3-4680-a7ca-43fe172d538d', // AcrPull
      storage: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3', // Storage Table Data Contributor
    };
    for (const [symbol, role] of Object.entries(roles)) {
      const module = values.module(symbol);
      const assignments = declarations(module.file, 'resource').filter((r) =>
        r.type.startsWith('Microsoft.Authorization/roleAssignments@'),
      );
      assert.equal(assignments.length, 1, `${symbol}: one role assignment`);
      const properties = module.evaluate(propertyAt(assignments[0].body, 'properties') as never) as Record<
        string,
        unknown
      >;
      assert.match(textOf(properties.roleDefinitionId as string), new RegExp(role), `${symbol}: role ${role}`);
      assert.equal(
        textOf(properties.principalId as string),
        '<identity.outputs.principalId>',
        `${symbol}: for the desk's identity`,
      );
      assert.equal(properties.principalType, 'ServicePrincipal');
    }
  });

  it('keeps the vault on Azure RBAC, and the storage account on TLS 1.2 without public blob access', () => {
    const vault = declaration(readBicep(join(REPO, 'infra/modules/keyVault.bicep')), 'resource', 'vault');
    assert.equal(literalText(propertyAt(vault.body, 'properties.enableRbacAuthorization')), 'true');
    const account = declaration(readBicep(join(REPO, 'infra/modules/storage.bicep')), 'resource', 'account');
    const text = (path: string) => literalText(propertyAt(account.body, path));
    assert.equal(text('kind'), 'StorageV2');
    assert.equal(text('sku.name'), 'Standard_LRS');
    assert.equal(text('properties.minimumTlsVersion'), 'TLS1_2');
    assert.equal(text('properties.allowBlobPublicAccess'), 'false');
  });
});
