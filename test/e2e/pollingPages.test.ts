import assert from 'node:assert/strict';
import { API_BASE_PATH, type SimulatorOptions } from '../../tools/partnerCenterSimulator/simulator';
import { pcReferral } from '../support/fixtures';
import { PartnerCenterHarness } from '../support/partnerCenterHarness';

const ids = [0, 1, 2, 3, 4].map((i) => `a1b2c3d4-0000-4000-8000-00000000030${i}`);

/** Polling pages through Partner Center's listing, whatever origin its `@odata.nextLink` names. */
describe('Partner Center polling across pages (over HTTP, against the simulator)', () => {
  let pc: PartnerCenterHarness;
  const h = () => pc.bot;
  const lists = () => pc.simulator.requests.filter((r) => r.method === 'GET' && r.path === API_BASE_PATH);
  const storedIds = async () =>
    (await Promise.all(ids.map((id) => h().services.referrals.get(id))))
      .filter(Boolean)
      .map((r) => r!.record.referral.id);
  const refusals = () => h().logLines.filter((line) => line.startsWith('Partner Center poll stopped'));

  /** The simulator serves two referrals a page with next links on `nextLinkOrigin`; no webhooks. */
  async function start(simulator: Pick<SimulatorOptions, 'nextLinkOrigin'>): Promise<void> {
    pc = await new PartnerCenterHarness({}, { skip: () => true }, { servedPageSize: 2, ...simulator }).start();
    ids.forEach((id, i) => pc.simulator.add(pcReferral({ id, updatedDateTime: `2026-11-23T08:${i}0:00Z` })));
  }
  afterEach(async () => pc.stop());

  it('stores the page whose next link goes to another origin, moves the cursor past it, logs the link once, and goes on from there', async () => {
    await start({ nextLinkOrigin: 'http://elsewhere.example' });
    const first = await pc.poll();
    assert.deepEqual([first.pages, first.received], [1, 2]);
    assert.match(
      first.refusedNextLink ?? '',
      /^an @odata\.nextLink to http:\/\/elsewhere\.example, not http:\/\/127\.0\.0\.1:\d+/,
    );
    assert.deepEqual(await storedIds(), ids.slice(0, 2), 'the page read is stored');
    assert.equal(Date.parse((await h().services.partnerCenter!.poller.cursor())!), Date.parse('2026-11-23T08:10:00Z'));
    assert.equal(refusals().length, 1);
    assert.match(refusals()[0], /http:\/\/elsewhere\.example/);

    for (let pass = 2; pass <= 3; pass++) {
      const next = await pc.poll();
      assert.deepEqual(
        [next.received, next.duplicates],
        [1, 1],
        `poll ${pass} reads the last one again (the overlap) and brings one more`,
      );
      assert.ok(next.refusedNextLink, 'still a link it does not follow');
    }
    const last = await pc.poll();
    assert.deepEqual([last.received, last.refusedNextLink], [1, undefined], 'the last page has no next link');
    assert.deepEqual(await storedIds(), ids, 'every referral arrived');
    assert.equal(Date.parse((await h().services.partnerCenter!.poller.cursor())!), Date.parse('2026-11-23T08:40:00Z'));
    assert.equal(refusals().length, 1, 'logged once, not on every poll');
    assert.ok(
      lists().every((r) => r.status === 200),
      'nothing was sent to the other origin',
    );
  });

  it('follows an http:// next link to the API’s own host on the API’s origin, in one poll', async () => {
    await start({ nextLinkOrigin: 'http://127.0.0.1' });
    const polled = await pc.poll();
    assert.deepEqual([polled.pages, polled.received, polled.refusedNextLink], [3, 5, undefined]);
    assert.deepEqual(await storedIds(), ids);
    assert.equal(lists().length, 3);
    assert.ok(
      lists()
        .slice(1)
        .every((r) => r.query.$skiptoken),
      'the later pages were asked for by their skip token',
    );
    assert.deepEqual(refusals(), []);
  });
});
