import assert from 'node:assert/strict';
import { UserRepository } from '../../bot/store/userRepository';
import { freshStorage } from '../support/rootHooks';

describe('store: UserRepository', () => {
  let users: UserRepository;

  beforeEach(async () => {
    const { storage } = await freshStorage();
    users = new UserRepository(storage.client('users'));
  });

  it('returns null for a user it never heard of', async () => {
    assert.equal(await users.get('aad-nobody'), null);
    assert.equal(await users.find('29:nobody'), null);
  });

  it('merges what it learns, keeping what it knew', async () => {
    await users.learn('aad-alice', { teamsId: '29:alice', name: 'Alice Rep', tenantId: 'tenant-1' });
    await users.learn('aad-alice', { chatId: 'a:chat/1#x', timeZone: 'Europe/Berlin', name: undefined });
    assert.deepEqual(await users.get('aad-alice'), {
      id: 'aad-alice',
      teamsId: '29:alice',
      name: 'Alice Rep',
      tenantId: 'tenant-1',
      chatId: 'a:chat/1#x',
      timeZone: 'Europe/Berlin',
    });
  });

  it('finds a user by the Teams id a configuration may name them by', async () => {
    await users.learn('aad-bob', { teamsId: '29:bob', name: 'Bob Rep' });
    assert.equal((await users.find('29:bob'))?.id, 'aad-bob');
    assert.equal((await users.find('aad-bob'))?.name, 'Bob Rep');
    assert.equal(await users.find('aad-29:bob'), null);
  });

  it('keeps the time zone and working hours a user chose', async () => {
    await users.learn('aad-alice', { timeZone: 'UTC' });
    await users.choose('aad-alice', {
      timeZone: 'America/New_York',
      hours: { start: '08:00', end: '16:00', days: [1, 2, 3, 4] },
    });
    const alice = await users.get('aad-alice');
    assert.equal(alice?.timeZone, 'America/New_York');
    assert.equal(alice?.timeZoneChosen, true);
    assert.deepEqual(alice?.hours, { start: '08:00', end: '16:00', days: [1, 2, 3, 4] });
  });

  it('notes the welcome once: only the first of racing calls is told to send it, and what it knew stays', async () => {
    await users.learn('aad-alice', { teamsId: '29:alice', name: 'Alice Rep' });
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => users.markWelcomed('aad-alice', '2026-11-23T09:00:00.000Z')),
    );
    assert.deepEqual(answers.filter(Boolean), [true]);
    assert.equal(await users.markWelcomed('aad-alice', '2026-11-24T09:00:00.000Z'), false);
    assert.deepEqual(await users.get('aad-alice'), {
      id: 'aad-alice',
      teamsId: '29:alice',
      name: 'Alice Rep',
      welcomedAt: '2026-11-23T09:00:00.000Z',
    });
  });

  it('notes the welcome of a user it never heard of, once', async () => {
    const answers = await Promise.all([
      users.markWelcomed('aad-bob', '2026-11-23T09:00:00.000Z'),
      users.markWelcomed('aad-bob', '2026-11-23T09:00:00.000Z'),
    ]);
    assert.deepEqual(answers.sort(), [false, true]);
    assert.equal((await users.get('aad-bob'))?.welcomedAt, '2026-11-23T09:00:00.000Z');
  });

  it('keeps whether a user gets the weekly digest, and nothing else changes', async () => {
    await users.learn('aad-alice', { teamsId: '29:alice', timeZone: 'Europe/Berlin' });
    await users.chooseDigest('aad-alice', false);
    assert.deepEqual(await users.get('aad-alice'), {
      id: 'aad-alice',
      teamsId: '29:alice',
      timeZone: 'Europe/Berlin',
      digestOff: true,
    });
    await users.chooseDigest('aad-alice', true);
    assert.equal((await users.get('aad-alice'))?.digestOff, false);
    await users.chooseDigest('aad-new', false);
    assert.deepEqual(
      await users.get('aad-new'),
      { id: 'aad-new', digestOff: true },
      'before the desk learned anything of them',
    );
  });
});
