import assert from 'node:assert/strict';
import { FavoriteRepository } from '../../bot/store/favoriteRepository';
import { freshStorage } from '../support/rootHooks';

describe('store: FavoriteRepository', () => {
  let favorites: FavoriteRepository;

  beforeEach(async () => {
    const { storage } = await freshStorage();
    favorites = new FavoriteRepository(storage.client('favorites'));
  });

  it("keeps each user's stars apart, newest first", async () => {
    await favorites.set('aad-alice', 'r-1', true, '2026-11-23T09:00:00.000Z');
    await favorites.set('aad-alice', 'r-2', true, '2026-11-23T10:00:00.000Z');
    await favorites.set('29:bob/with#odd?chars', 'r-1', true, '2026-11-23T11:00:00.000Z');
    assert.deepEqual(await favorites.list('aad-alice'), ['r-2', 'r-1']);
    assert.deepEqual(await favorites.list('29:bob/with#odd?chars'), ['r-1']);
    assert.equal(await favorites.isFavorite('aad-alice', 'r-2'), true);
    assert.equal(await favorites.isFavorite('29:bob/with#odd?chars', 'r-2'), false);
  });

  it('stars once however often it is asked, keeping the first time, and unstars idempotently', async () => {
    await favorites.set('aad-alice', 'r-1', true, '2026-11-23T09:00:00.000Z');
    await favorites.set('aad-alice', 'r-2', true, '2026-11-23T10:00:00.000Z');
    await favorites.set('aad-alice', 'r-1', true, '2026-11-23T12:00:00.000Z');
    assert.deepEqual(await favorites.list('aad-alice'), ['r-2', 'r-1'], 'starring again does not move it up');
    await favorites.set('aad-alice', 'r-1', false, '2026-11-23T13:00:00.000Z');
    await favorites.set('aad-alice', 'r-1', false, '2026-11-23T13:00:01.000Z');
    assert.deepEqual(await favorites.list('aad-alice'), ['r-2']);
    assert.equal(await favorites.isFavorite('aad-alice', 'r-1'), false);
  });
});
