import assert from 'node:assert/strict';
import { verify } from 'node:crypto';
import type { Server } from 'node:http';
import { sharedTestPki, type TestPki } from '../../../tools/partnerCenterSimulator/certificates';
import { signDelivery } from '../../../tools/partnerCenterSimulator/webhooks';
import { close, serveCertificates } from './fixtures';

describe("the simulator's webhook deliveries", () => {
  let pki: TestPki;
  let certificates: Server;
  let certificateBase = '';

  before(async () => {
    pki = sharedTestPki();
    ({ server: certificates, base: certificateBase } = await serveCertificates(pki));
  });

  after(() => close(certificates));

  describe('signDelivery', () => {
    it('signs the UTF-8 bytes of the body with RSA-SHA256 in Authorization: Signature, naming the certificate', () => {
      const body = '{"EventName":"referral-created","note":"Müller"}';
      const headers = signDelivery(body, pki.privateKey, 'https://certs.simulator.test/c.cer');
      assert.deepEqual(Object.keys(headers), [
        'Content-Type',
        'Authorization',
        'X-MS-Certificate-Url',
        'X-MS-Signature-Algorithm',
      ]);
      assert.equal(headers['Content-Type'], 'application/json');
      assert.equal(headers['X-MS-Certificate-Url'], 'https://certs.simulator.test/c.cer');
      assert.equal(headers['X-MS-Signature-Algorithm'], 'rsa-sha256');
      const [scheme, token] = headers.Authorization.split(' ');
      assert.equal(scheme, 'Signature');
      assert.equal(verify('sha256', Buffer.from(body, 'utf8'), pki.leaf.publicKey, Buffer.from(token, 'base64')), true);
      assert.equal(
        verify('sha256', Buffer.from(body, 'latin1'), pki.leaf.publicKey, Buffer.from(token, 'base64')),
        false,
      );
    });

    it('puts the signature in x-ms-signature when asked', () => {
      const headers = signDelivery('{}', pki.privateKey, 'https://certs.simulator.test/c.cer', 'x-ms-signature');
      assert.equal(headers.Authorization, undefined);
      assert.match(headers['x-ms-signature'], /^Signature [A-Za-z0-9+/]+=*$/);
    });
  });

  describe('certificateHandler', () => {
    it('serves the PEM bundle of leaf and intermediate at its path', async () => {
      const response = await fetch(`${certificateBase}/cert/pcnotifications-dispatch.simulator.cer?v=1`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'application/x-pem-file');
      assert.equal(await response.text(), pki.bundlePem);
    });

    it('serves the leaf in DER when set up so', async () => {
      const response = await fetch(`${certificateBase}/cert/leaf.cer`);
      assert.equal(response.headers.get('content-type'), 'application/pkix-cert');
      assert.deepEqual(Buffer.from(await response.arrayBuffer()), pki.leafDer);
    });

    it('leaves other paths to the server, and refuses other methods at its path', async () => {
      assert.equal((await fetch(`${certificateBase}/cert/other.cer`)).status, 404);
      const post = await fetch(`${certificateBase}/cert/leaf.cer`, { method: 'POST', body: 'x' });
      assert.equal(post.status, 405);
      assert.equal(post.headers.get('allow'), 'GET, HEAD');
    });
  });
});
