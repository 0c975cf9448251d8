import assert from 'node:assert/strict';
import { VERBS } from '../../cards/verbs';
import { BotHarness } from '../support/botHarness';
import { cardAction, CHANNELS, teamMember, USERS, type User } from '../support/teamsActivities';
import { acceptAsAlice, attachmentsOf, deliverAndAwaitCard, installAndLink, verbsIn } from './flows';

describe('telling people they now work on a deal (HTTP, Azurite, Bot Connector stand-in)', () => {
  let h: BotHarness;
  let referralId: string;
  let activityId: string;
  const click = (verb: string, data: Record<string, unknown>, by: User = USERS.alice) =>
    h.activity(cardAction(h.serviceUrl, CHANNELS.emea, activityId, verb, { referralId, ...data }, by));
  const directTo = (user: User) => {
    const chats = new Set(
      h.connector
        .callsOf('create')
        .filter((c) => JSON.stringify(c.body.members) === JSON.stringify([{ id: user.id }]))
        .map((c) => c.answeredId),
    );
    return h.connector.calls.filter((c) => c.kind === 'send' && chats.has(c.conversationId));
  };

  beforeEach(async () => {
    h = await new BotHarness().start();
    h.connector.members = [USERS.alice, USERS.bob].map(teamMember);
    await installAndLink(h, CHANNELS.emea, 'emea');
    ({ id: referralId, activityId } = await deliverAndAwaitCard(h, CHANNELS.emea));
    await acceptAsAlice(h, CHANNELS.emea, activityId, referralId);
  });
  afterEach(async () => h.stop());

  it('tells a colleague added to the team, once, with their own card; not the owner who accepted it herself', async () => {
    assert.equal(directTo(USERS.alice).length, 0, 'Alice accepted it herself');
    await click(VERBS.addMember, {
      firstName: 'Bob',
      lastName: 'Rep',
      phoneNumber: '+49 30 5550100',
      email: 'bob@partner.example',
    });
    await h.settle();
    const [dm] = directTo(USERS.bob);
    assert.equal(
      dm.body.text,
      'Alice Rep added you to the team of Contoso migration wave 1 (Contoso GmbH): you can work it from Teams.',
    );
    assert.ok(verbsIn(attachmentsOf(dm)[0].content).includes(VERBS.win), 'his card lets him work the deal');
    await click(VERBS.edit, {
      dealName: 'Contoso migration wave 2',
      dealValue: '30000',
      currency: 'EUR',
      closingDate: '2027-02-15',
      notes: 'n',
      salesStage: '',
    });
    await h.settle();
    assert.equal(directTo(USERS.bob).length, 1, 'once');
  });

  it('does not tell someone who turned these messages off', async () => {
    await h.services.users.learn(USERS.bob.aadObjectId, { teamsId: USERS.bob.id, name: USERS.bob.name });
    await h.services.users.turnOff(USERS.bob.aadObjectId, ['notices']);
    await click(VERBS.reassign, { newOwnerEmail: 'bob@partner.example' });
    await h.settle();
    assert.equal(directTo(USERS.bob).length, 0);
  });

  it('tells the new owner of a deal handed to them', async () => {
    await click(VERBS.reassign, { newOwnerEmail: 'bob@partner.example' });
    await h.settle();
    const [dm] = directTo(USERS.bob);
    assert.equal(dm.body.text, 'Alice Rep handed you Contoso migration wave 1 (Contoso GmbH): you are its owner now.');
    assert.deepEqual(
      (await h.services.directCards.list(referralId)).map((card) => card.viewer.id),
      [USERS.bob.aadObjectId],
      'and keeps his card in step',
    );
  });
});
