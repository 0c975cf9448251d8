import assert from 'node:assert/strict';
import type { ManagerGrant } from '../../bot/domain/managers';
import { MANAGERS_KEPT_MS, RoleRepository } from '../../bot/store/roleRepository';
import { FavoriteRepository, STARS_KEPT_MS } from '../../bot/store/favoriteRepository';
import { KeptReads } from '../../bot/store/keptReads';
import { PROFILE_KEPT_MS, UserRepository } from '../../bot/store/userRepository';
import { freshStorage } from '../support/rootHooks';

const grant = (region: string, id: string): ManagerGrant => ({
  region,
  user: { id, name: id, teamsId: `29:${id}`, email: `${id}@partner.example` },
  grantedBy: { id: 'aad-admin', name: 'Teams Admin' },
  grantedAt: '2026-11-23T09:00:00.000Z',
});

describe('store: rows kept a while once read (KeptReads)', () => {
  let ms = 0;
  const now = () => ms;
  beforeEach(() => (ms = 0));

  it('shares one read among callers, keeps it its time, and reads again after', async () => {
    const reads = new KeptReads<number>(1_000, now);
    let loads = 0;
    const load = () => Promise.resolve(++loads);
    assert.deepEqual(await Promise.all([reads.read('k', load), reads.read('k', load)]), [1, 1]);
    ms = 999;
    assert.equal(await reads.read('k', load), 1, 'still kept');
    ms = 1_000;
    assert.equal(await reads.read('k', load), 2, 'read again once its time is up');
    assert.equal(await reads.read('other', load), 3, 'each key its own');
  });

  it('forgets a copy as a write starts and as it ends, and keeps no failed read', async () => {
    const reads = new KeptReads<string>(60_000, now);
    let value = 'before';
    assert.equal(await reads.read('k', () => Promise.resolve(value)), 'before');
    let finish!: () => void;
    const write = reads.writing('k', () => new Promise<void>((done) => (finish = done)));
    // A read while the write is on its way may see the old row, but is not kept past the write.
    assert.equal(await reads.read('k', () => Promise.resolve(value)), 'before');
    value = 'after';
    finish();
    await write;
    assert.equal(await reads.read('k', () => Promise.resolve(value)), 'after');
    await assert.rejects(reads.read('failing', () => Promise.reject(new Error('unreachable'))));
    assert.equal(await reads.read('failing', () => Promise.resolve('now')), 'now');
  });

  it('keeps a copy on as written by a write that says what it does, unless another write of the row began', async () => {
    const reads = new KeptReads<string>(60_000, now);
    let loads = 0;
    const load = () => Promise.resolve(`read ${++loads}`);
    await reads.read('k', load);
    await reads.writing(
      'k',
      () => Promise.resolve(),
      (row) => `${row}, written`,
    );
    assert.equal(await reads.read('k', load), 'read 1, written', 'no read after the write');

    let finishFirst!: () => void;
    const first = reads.writing(
      'k',
      () => new Promise<void>((done) => (finishFirst = done)),
      (row) => `${row} +a`,
    );
    const second = reads.writing(
      'k',
      () => Promise.resolve(),
      (row) => `${row} +b`,
    );
    await second;
    finishFirst();
    await first;
    assert.equal(await reads.read('k', load), 'read 2', 'two writes at once: read again');
    await assert.rejects(
      reads.writing(
        'k',
        () => Promise.reject(new Error('refused')),
        (row) => `${row} +c`,
      ),
    );
    assert.equal(await reads.read('k', load), 'read 3', 'a failed write leaves no copy');
  });

  it('shows a manager granted by another instance of the desk within MANAGERS_KEPT_MS, one granted here at once', async () => {
    const { storage } = await freshStorage();
    const here = new RoleRepository(storage.client('roles'), now);
    const elsewhere = new RoleRepository(storage.client('roles'), now);
    assert.deepEqual(await here.managerGrants(), []);
    await elsewhere.grantManager(grant('emea', 'aad-elsewhere'));
    assert.deepEqual(await here.managerGrants(), [], 'kept');
    ms = MANAGERS_KEPT_MS;
    assert.deepEqual(
      (await here.managerGrants()).map((g) => g.user.id),
      ['aad-elsewhere'],
    );
    await here.grantManager(grant('apac', 'aad-here'));
    assert.equal((await here.managerGrants()).length, 2, 'a grant made here counts at once');
    await here.revokeManager('emea', 'aad-elsewhere');
    assert.deepEqual(
      (await here.managerGrants()).map((g) => g.user.id),
      ['aad-here'],
    );
  });

  it('shows a language chosen through another instance within PROFILE_KEPT_MS, one chosen here at once', async () => {
    const { storage } = await freshStorage();
    const here = new UserRepository(storage.client('users'), now);
    const elsewhere = new UserRepository(storage.client('users'), now);
    await here.chooseLanguage('aad-rep', 'de');
    assert.equal((await here.get('aad-rep'))?.language, 'de');
    await elsewhere.chooseLanguage('aad-rep', 'en');
    assert.equal((await here.get('aad-rep'))?.language, 'de', 'kept');
    ms = PROFILE_KEPT_MS;
    assert.equal((await here.get('aad-rep'))?.language, 'en');
    await here.learn('aad-rep', { locale: 'de-DE' });
    assert.equal((await here.find('aad-rep'))?.locale, 'de-DE', 'what this instance learned counts at once');
  });

  it('shows a star set through another instance within STARS_KEPT_MS, one set here at once', async () => {
    const { storage } = await freshStorage();
    const here = new FavoriteRepository(storage.client('favorites'), now);
    const elsewhere = new FavoriteRepository(storage.client('favorites'), now);
    assert.equal(await here.isFavorite('aad-rep', 'r-1'), false);
    await elsewhere.set('aad-rep', 'r-1', true, '2026-12-01T09:00:00.000Z');
    assert.equal(await here.isFavorite('aad-rep', 'r-1'), false, 'kept');
    ms = STARS_KEPT_MS;
    assert.equal(await here.isFavorite('aad-rep', 'r-1'), true);
    await here.set('aad-rep', 'r-2', true, '2026-12-02T09:00:00.000Z');
    assert.deepEqual(await here.list('aad-rep'), ['r-2', 'r-1'], 'newest first, the star set here at once');
    await here.set('aad-rep', 'r-1', false, '2026-12-03T09:00:00.000Z');
    assert.equal(await here.isFavorite('aad-rep', 'r-1'), false);
  });
});
