import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { declarations, literalText } from '../support/bicep';
import { TemplateValues, textOf, type BicepValue } from '../support/bicepValues';
import { deploymentParameters, deskApp, everyParameterSet, mainTemplate, REPO } from '../support/deployment';
import { parseYamlMapping, type YamlMapping } from '../support/yamlMapping';

const azureYaml = () => parseYamlMapping(readFileSync(join(REPO, 'azure.yaml'), 'utf8'), 'azure.yaml');
const mapping = (value: YamlMapping[string] | undefined, what: string): YamlMapping => {
  assert.ok(value && typeof value === 'object', `azure.yaml: ${what} is a mapping`);
  return value;
};

describe('Deployment: azd up', () => {
  it('names one service, desk: a container app built remotely from ./Dockerfile, deployed by infra/', () => {
    const yaml = azureYaml();
    assert.equal(yaml.name, 'referral-desk');
    const services = mapping(yaml.services, 'services');
    assert.deepEqual(Object.keys(services), ['desk']);
    const desk = mapping(services.desk, 'services.desk');
    assert.equal(desk.project, '.');
    assert.equal(desk.language, 'js');
    assert.equal(desk.host, 'containerapp');
    const docker = mapping(desk.docker, 'services.desk.docker');
    assert.equal(docker.path, './Dockerfile');
    assert.equal(docker.remoteBuild, 'true');
    assert.ok(existsSync(join(REPO, docker.path)));
    const infra = mapping(yaml.infra, 'infra');
    assert.equal(infra.provider, 'bicep');
    assert.equal(infra.path, 'infra');
    assert.ok(existsSync(join(REPO, 'infra', 'main.bicep')));
  });

  it('tags the container app with the service name, so azd deploys the image to it', () => {
    const service = Object.keys(mapping(azureYaml().services, 'services'))[0];
    const main = mainTemplate();
    const values = new TemplateValues(main, everyParameterSet(main));
    const { template, resource } = deskApp(values);
    const tags = template.evaluate(resource.body) as Record<string, Record<string, BicepValue>>;
    assert.equal(tags.tags['azd-service-name'], service);
    assert.equal(tags.tags['azd-env-name'], 'value-of:environmentName');
  });

  it('keeps the deployed image across provisioning, as azd reports the app exists', () => {
    const service = Object.keys(mapping(azureYaml().services, 'services'))[0].toUpperCase();
    assert.equal(deploymentParameters().deskExists, `\${SERVICE_${service}_RESOURCE_EXISTS=false}`);
  });

  it('provisions at subscription scope into a resource group tagged with the azd environment', () => {
    const main = mainTemplate();
    const scope = declarations(main, 'targetScope')[0];
    assert.equal(literalText(scope?.value), 'subscription');
    assert.equal(deploymentParameters().environmentName, '${AZURE_ENV_NAME}');
    assert.equal(deploymentParameters().location, '${AZURE_LOCATION}');
    const values = new TemplateValues(main, everyParameterSet(main));
    const group = declarations(main, 'resource').find((r) => r.type.startsWith('Microsoft.Resources/resourceGroups@'));
    assert.ok(group);
    const body = values.evaluate(group.body) as Record<string, Record<string, BicepValue>>;
    assert.equal(body.tags['azd-env-name'], 'value-of:environmentName');
  });

  it('outputs what azd and the README use: registry, URL and host, messaging endpoint, vault, account', () => {
    const main = mainTemplate();
    const values = new TemplateValues(main, everyParameterSet(main));
    const outputs = Object.fromEntries(
      declarations(main, 'output').map((o) => [o.name, textOf(values.evaluate(o.value))]),
    );
    assert.deepEqual(outputs, {
      AZURE_RESOURCE_GROUP: '<rg.name>',
      AZURE_CONTAINER_REGISTRY_ENDPOINT: '<registry.outputs.loginServer>',
      AZURE_KEY_VAULT_NAME: '<keyVault.outputs.name>',
      AZURE_STORAGE_ACCOUNT_NAME: '<storage.outputs.name>',
      AZURE_BOT_NAME: '<bot.outputs.name>',
      AZURE_CONTAINER_APP_NAME: '<desk.outputs.name>',
      DESK_URL: '<https://<desk.outputs.fqdn>>',
      BOT_DOMAIN: '<desk.outputs.fqdn>',
      BOT_MESSAGING_ENDPOINT: '<bot.outputs.endpoint>',
    });
  });

  it("keeps azd's environment folder, which holds the secrets, out of git", () => {
    const ignored = readFileSync(join(REPO, '.gitignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim());
    assert.ok(ignored.includes('.azure/') || ignored.includes('.azure'), '.gitignore lists .azure/');
  });
});
