import assert from 'node:assert/strict';
import { hasDeskRole, mayEditLinks, maySee, referralHome, tenantAllowed, type Viewer } from '../../bot/domain/access';
import type { ChannelLink, Region } from '../../bot/domain/routing';
import { receivedRecord } from '../support/fixtures';

const REGIONS: Region[] = [
  { code: 'emea', name: 'EMEA', countries: ['DE', 'FR'], managers: ['aad-manager'], responders: ['29:responder'] },
  { code: 'americas', name: 'Americas', countries: ['US', 'CA'] },
];
const LINKS: ChannelLink[] = [
  { target: { kind: 'region', code: 'emea' }, channel: { conversationId: '19:emea', teamId: 'team-a' } },
  { target: { kind: 'region', code: 'americas' }, channel: { conversationId: '19:americas', teamId: 'team-b' } },
];

function viewer(overrides: Partial<Viewer> = {}): Viewer {
  return { actor: { id: 'aad-alice', teamsId: '29:alice' }, admin: false, teams: new Set(), ...overrides };
}

describe('access rules', () => {
  it('let in only the listed tenants (any with no list), without case', () => {
    assert.equal(tenantAllowed('T1', ['t1']), true);
    assert.equal(tenantAllowed('t2', ['t1']), false);
    assert.equal(tenantAllowed(undefined, ['t1']), false);
    assert.equal(tenantAllowed(undefined, 'any'), true);
  });

  it('let admins always, owners under owners, members but guests under members, change links', () => {
    const member = { admin: false, teamOwner: false, guest: false };
    assert.equal(mayEditLinks(member, 'owners'), false);
    assert.equal(mayEditLinks({ ...member, teamOwner: true }, 'owners'), true);
    assert.equal(mayEditLinks({ ...member, teamOwner: true }, 'admins'), false);
    assert.equal(mayEditLinks({ ...member, admin: true }, 'admins'), true);
    assert.equal(mayEditLinks(member, 'members'), true);
    assert.equal(mayEditLinks({ ...member, guest: true }, 'members'), false);
  });

  it("place a referral in the team of its card's channel, else of the channel it would go to", () => {
    const german = receivedRecord({ customerProfile: { name: 'Contoso', address: { country: 'DE' } } });
    assert.deepEqual(referralHome(german, undefined, LINKS, REGIONS), { channelId: '19:emea', teamId: 'team-a' });
    assert.deepEqual(referralHome(german, '19:americas', LINKS, REGIONS), {
      channelId: '19:americas',
      teamId: 'team-b',
    });
    assert.deepEqual(referralHome(german, undefined, [], REGIONS), { channelId: undefined, teamId: undefined });
  });

  it("show a referral to its team, its channel, its workers, its region's people and admins, and nobody else", () => {
    const record = receivedRecord({ customerProfile: { name: 'Contoso', address: { country: 'DE' } } });
    const home = { channelId: '19:emea', teamId: 'team-a' };
    assert.equal(maySee(viewer(), record, home, REGIONS), false);
    assert.equal(maySee(viewer({ teams: new Set(['team-b']) }), record, home, REGIONS), false);
    assert.equal(maySee(viewer({ teams: new Set(['team-a']) }), record, home, REGIONS), true);
    assert.equal(maySee(viewer({ channelId: '19:emea' }), record, home, REGIONS), true);
    assert.equal(maySee(viewer({ admin: true }), record, home, REGIONS), true);
    assert.equal(maySee(viewer({ actor: { id: 'aad-manager' } }), record, home, REGIONS), true);
    assert.equal(maySee(viewer({ actor: { id: 'aad-x', teamsId: '29:responder' } }), record, home, REGIONS), true);
    const owned = { ...record, desk: { ...record.desk, owner: { id: 'aad-alice', name: 'Alice' } } };
    assert.equal(maySee(viewer(), owned, { channelId: undefined, teamId: undefined }, REGIONS), true);
  });

  it("let admins and the regions' people use a personal chat without a team", () => {
    assert.equal(hasDeskRole({ id: 'aad-alice' }, ['aad-alice'], REGIONS), true);
    assert.equal(hasDeskRole({ id: 'aad-manager' }, [], REGIONS), true);
    assert.equal(hasDeskRole({ id: 'aad-bob', teamsId: '29:bob' }, [], REGIONS), false);
  });
});
