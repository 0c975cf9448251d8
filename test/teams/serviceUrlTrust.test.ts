import assert from 'node:assert/strict';
import { serviceUrlTrust } from '../../bot/teams/access/serviceUrlTrust';

describe('which service URLs replies may go to', () => {
  it('any, for authenticated activities or a desk on loopback', () => {
    assert.equal(serviceUrlTrust(true, undefined)('https://smba.trafficmanager.net/emea/'), true);
    assert.equal(serviceUrlTrust(false, '127.0.0.1')('https://elsewhere.example/'), true);
  });

  it("only this machine's, for an unauthenticated desk on every interface", () => {
    const trusts = serviceUrlTrust(false, undefined);
    for (const url of ['http://127.0.0.1:4000/', 'http://localhost:3978/', 'http://[::1]:9/'])
      assert.equal(trusts(url), true, url);
    for (const url of ['https://connector.invalid/', 'http://10.0.0.1/', 'http://0.0.0.0:9/', 'not a url', undefined])
      assert.equal(trusts(url), false, String(url));
  });
});
