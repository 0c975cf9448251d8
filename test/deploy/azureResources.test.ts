import assert from 'node:assert/strict';
import { declarations } from '../support/bicep';
import { TemplateValues, textOf, type BicepValue } from '../support/bicepValues';
import { deskApp, deskEnv, everyParameterSet, mainTemplate, VALUE_MARK } from '../support/deployment';

type Props = Record<string, BicepValue>;

function everythingSet(overrides: Record<string, BicepValue> = {}): TemplateValues {
  const main = mainTemplate();
  return new TemplateValues(main, { ...everyParameterSet(main), ...overrides });
}

/** The evaluated body of a module's resource of a type. */
function resourceBody(values: TemplateValues, symbol: string, type: string): Props {
  const module = values.module(symbol);
  const resource = declarations(module.file, 'resource').find((r) => r.type.startsWith(`${type}@`) && !r.existing);
  assert.ok(resource, `${symbol} deploys a ${type}`);
  return module.evaluate(resource.body) as Props;
}

const at = (value: BicepValue, path: string): BicepValue =>
  path.split('.').reduce<BicepValue>((v, key) => (v as Props | BicepValue[])[key as never], value);

describe('Deployment: what runs in Azure', () => {
  it("registers an Azure Bot (F0, single tenant) for the app id, messaging the desk's /api/messages, Teams on", () => {
    const values = everythingSet();
    const bot = resourceBody(values, 'bot', 'Microsoft.BotService/botServices');
    assert.equal(bot.location, 'global');
    assert.equal(bot.kind, 'azurebot');
    assert.equal(at(bot, 'sku.name'), 'F0');
    assert.equal(at(bot, 'properties.msaAppType'), 'SingleTenant');
    assert.equal(at(bot, 'properties.msaAppId'), `${VALUE_MARK}microsoftAppId`);
    assert.equal(at(bot, 'properties.msaAppTenantId'), `${VALUE_MARK}microsoftAppTenantId`);
    assert.equal(textOf(at(bot, 'properties.endpoint')), '<https://<desk.outputs.fqdn>/api/messages>');
    const teams = resourceBody(values, 'bot', 'Microsoft.BotService/botServices/channels');
    assert.equal(teams.name, 'MsTeamsChannel');
    assert.equal(at(teams, 'properties.channelName'), 'MsTeamsChannel');
    assert.equal(at(teams, 'properties.properties.isEnabled'), true);
  });

  it("tells the desk the host Teams reaches it at: the app's name under the environment's domain", () => {
    const values = everythingSet();
    const { symbol } = deskApp(values);
    const name = textOf(values.moduleParams(symbol).name);
    const domain = textOf(deskEnv(values).find((e) => e.name === 'BOT_DOMAIN')?.value ?? '');
    assert.equal(domain, `<${name}.<containerAppsEnvironment.outputs.defaultDomain>>`);
  });

  it('runs the desk from at least one replica, on the port it listens on, pulling with its identity', () => {
    const values = everythingSet();
    const app = resourceBody(values, deskApp(values).symbol, 'Microsoft.App/containerApps');
    const port = deskEnv(values).find((e) => e.name === 'PORT')?.value;
    assert.equal(at(app, 'properties.configuration.ingress.external'), true);
    assert.equal(String(at(app, 'properties.configuration.ingress.targetPort')), port);
    assert.equal(at(app, 'properties.configuration.ingress.allowInsecure'), false);
    const minReplicas = at(app, 'properties.template.scale.minReplicas') as number;
    const maxReplicas = at(app, 'properties.template.scale.maxReplicas') as number;
    assert.ok(minReplicas >= 1 && maxReplicas > minReplicas && maxReplicas <= 5, `${minReplicas}..${maxReplicas}`);
    assert.equal((at(app, 'properties.configuration.registries') as BicepValue[]).length, 1);
    assert.equal(textOf(at(app, 'properties.configuration.registries.0.server')), '<registry.outputs.loginServer>');
    assert.equal(textOf(at(app, 'properties.configuration.registries.0.identity')), '<identity.outputs.id>');
    assert.deepEqual(Object.keys(at(app, 'identity.userAssignedIdentities') as Props), ['<identity.outputs.id>']);
    const probes = at(app, 'properties.template.containers.0.probes') as Props[];
    assert.deepEqual(
      probes.map((p) => p.type),
      ['Startup', 'Readiness', 'Liveness'],
    );
    for (const probe of probes) {
      const probePort = (probe.httpGet ?? probe.tcpSocket) as Props;
      assert.equal(String(probePort.port), port, `${textOf(probe.type)} probe`);
    }
  });

  it('keeps the image azd deployed when provisioning again, and starts from a placeholder the first time', () => {
    const main = mainTemplate();
    const params = everyParameterSet(main);
    const image = (known: Record<string, BicepValue>) => {
      const values = new TemplateValues(main, params, known);
      return values.moduleParams(deskApp(values).symbol).image;
    };
    assert.equal(
      image({ 'existingImage.outputs.image': '' }),
      'mcr.microsoft.com/azuredocs/containerapps-helloworld:latest',
    );
    assert.equal(
      image({ 'existingImage.outputs.image': 'cr1.azurecr.io/referral-desk/desk:azd-1' }),
      'cr1.azurecr.io/referral-desk/desk:azd-1',
    );
    const existing = (exists: boolean) => {
      const values = new TemplateValues(main, { ...params, deskExists: exists });
      const template = values.module('existingImage');
      const output = declarations(template.file, 'output').find((o) => o.name === 'image');
      assert.ok(output);
      return textOf(template.evaluate(output.value));
    };
    assert.equal(existing(false), '');
    assert.equal(existing(true), '<app.properties.template.containers[0].image>');
  });
});
