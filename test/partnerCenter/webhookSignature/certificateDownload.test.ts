import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { issueLeaf } from '../../../tools/partnerCenterSimulator/certificates';
import { at, BODY, NOW, refusal, signedHeaders, useCertificateServer } from './fixtures';

describe('Partner Center webhook signatures', () => {
  const { server, certificates, setNow, verifier } = useCertificateServer();

  describe('downloading the certificate', () => {
    it('says so when the server answers 404', async () => {
      const { pki } = certificates();
      const result = refusal(
        await verifier().verify(BODY, signedHeaders(BODY, pki.privateKey, server.url('/gone.cer'))),
      );
      assert.equal(result.reason, 'download-failed');
      assert.match(
        result.message,
        /could not be downloaded from http:\/\/127\.0\.0\.1:\d+\/gone\.cer: the certificate server answered 404/,
      );
    });

    it('says so when the server closes the connection', async () => {
      const { pki } = certificates();
      server.answers.set('/closes.cer', 'close');
      const result = refusal(
        await verifier().verify(BODY, signedHeaders(BODY, pki.privateKey, server.url('/closes.cer'))),
      );
      assert.equal(result.reason, 'download-failed');
      assert.match(result.message, /could not be reached: socket hang up/);
    });

    it('says so when nothing listens', async () => {
      const { pki } = certificates();
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      const result = refusal(
        await verifier().verify(BODY, signedHeaders(BODY, pki.privateKey, `http://127.0.0.1:${port}/c.cer`)),
      );
      assert.equal(result.reason, 'download-failed');
      assert.match(result.message, /ECONNREFUSED/);
    });

    it('refuses a file larger than the limit', async () => {
      const { pki } = certificates();
      server.answers.set('/huge.pem', { file: Buffer.alloc(70 * 1024, 'A') });
      const result = refusal(
        await verifier().verify(BODY, signedHeaders(BODY, pki.privateKey, server.url('/huge.pem'))),
      );
      assert.equal(result.reason, 'download-failed');
      assert.match(result.message, /larger than 65536 bytes/);
      const small = refusal(
        await verifier({ maxCertificateBytes: 1000 }).verify(
          BODY,
          signedHeaders(BODY, pki.privateKey, server.url('/bundle.pem')),
        ),
      );
      assert.match(small.message, /larger than 1000 bytes/);
    });

    it('refuses a file that holds no certificate, or a broken PEM block', async () => {
      const { pki } = certificates();
      server.answers.set('/garbage.cer', { file: Buffer.from('this is not a certificate') });
      const garbage = refusal(
        await verifier().verify(BODY, signedHeaders(BODY, pki.privateKey, server.url('/garbage.cer'))),
      );
      assert.equal(garbage.reason, 'certificate-unreadable');
      assert.match(garbage.message, /neither PEM certificates nor a DER certificate/);
      server.answers.set('/broken.pem', {
        file: `${pki.leafPem}-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n`,
      });
      const broken = refusal(
        await verifier().verify(BODY, signedHeaders(BODY, pki.privateKey, server.url('/broken.pem'))),
      );
      assert.equal(broken.reason, 'certificate-unreadable');
      assert.match(broken.message, /certificate 2 of the PEM file is not readable/);
    });
  });

  describe('caching downloads', () => {
    const headersFor = (path: string) => signedHeaders(BODY, certificates().pki.privateKey, server.url(path));

    it('downloads once for two deliveries, and once for a burst of concurrent ones', async () => {
      const v = verifier();
      assert.deepEqual(await v.verify(BODY, headersFor('/bundle.pem')), { ok: true });
      assert.deepEqual(await v.verify(BODY, headersFor('/bundle.pem')), { ok: true });
      assert.equal(server.downloadsOf('/bundle.pem'), 1);
      const burst = await Promise.all(Array.from({ length: 5 }, () => v.verify(BODY, headersFor('/leaf.pem'))));
      assert.equal(server.downloadsOf('/leaf.pem'), 1);
      assert.equal(
        burst.every((result) => !result.ok && result.reason === 'chain-not-trusted'),
        true,
        'every delivery of the burst got the answer',
      );
    });

    it('downloads again once the cached file is older than the cache time', async () => {
      const v = verifier({ cacheTtlMs: 10 * 60_000 });
      await v.verify(BODY, headersFor('/bundle.pem'));
      setNow(NOW.plus({ minutes: 9 }));
      await v.verify(BODY, headersFor('/bundle.pem'));
      assert.equal(server.downloadsOf('/bundle.pem'), 1);
      setNow(NOW.plus({ minutes: 10 }));
      assert.deepEqual(await v.verify(BODY, headersFor('/bundle.pem')), { ok: true });
      assert.equal(server.downloadsOf('/bundle.pem'), 2);
    });

    it('does not remember a failed download', async () => {
      const { pki } = certificates();
      const v = verifier();
      server.answers.set('/later.pem', { status: 503 });
      assert.equal(refusal(await v.verify(BODY, headersFor('/later.pem'))).reason, 'download-failed');
      server.answers.set('/later.pem', { file: pki.bundlePem });
      assert.deepEqual(await v.verify(BODY, headersFor('/later.pem')), { ok: true });
      assert.equal(server.downloadsOf('/later.pem'), 2);
    });

    it('holds a bounded number of certificate URLs, dropping the oldest', async () => {
      const { pki } = certificates();
      const v = verifier({ cacheMaxEntries: 2 });
      for (const path of ['/a.pem', '/b.pem', '/c.pem']) server.answers.set(path, { file: pki.bundlePem });
      for (const path of ['/a.pem', '/b.pem', '/c.pem', '/c.pem', '/b.pem', '/a.pem'])
        await v.verify(BODY, headersFor(path));
      assert.deepEqual(
        ['/a.pem', '/b.pem', '/c.pem'].map((path) => server.downloadsOf(path)),
        [2, 1, 1],
      );
    });

    it('downloads a renewed certificate behind the same URL once the cached one stops matching', async () => {
      const { pki } = certificates();
      const renewed = issueLeaf(pki);
      const v = verifier();
      server.answers.set('/rotating.pem', { file: pki.bundlePem });
      assert.deepEqual(await v.verify(BODY, headersFor('/rotating.pem')), { ok: true });
      server.answers.set('/rotating.pem', { file: renewed.bundlePem });
      const signedByRenewed = signedHeaders(BODY, renewed.privateKey, server.url('/rotating.pem'));

      setNow(NOW.plus({ seconds: 30 }));
      assert.equal(refusal(await v.verify(BODY, signedByRenewed)).reason, 'signature-mismatch');
      assert.equal(
        server.downloadsOf('/rotating.pem'),
        1,
        'a mismatch soon after the download does not download again',
      );

      setNow(NOW.plus({ minutes: 2 }));
      assert.deepEqual(await v.verify(BODY, signedByRenewed), { ok: true });
      assert.equal(server.downloadsOf('/rotating.pem'), 2);
      assert.deepEqual(await v.verify(BODY, signedByRenewed), { ok: true });
      assert.equal(server.downloadsOf('/rotating.pem'), 2, 'the renewed certificate is cached in turn');
    });

    it('shares one new download among a burst of deliveries signed with the renewed certificate', async () => {
      const { pki } = certificates();
      const renewed = issueLeaf(pki);
      const v = verifier();
      server.answers.set('/burst.pem', { file: pki.bundlePem });
      await v.verify(BODY, headersFor('/burst.pem'));
      server.answers.set('/burst.pem', { file: renewed.bundlePem });
      setNow(NOW.plus({ minutes: 2 }));
      const burst = await Promise.all(
        Array.from({ length: 5 }, () =>
          v.verify(BODY, signedHeaders(BODY, renewed.privateKey, server.url('/burst.pem'))),
        ),
      );
      assert.deepEqual(
        burst,
        Array.from({ length: 5 }, () => ({ ok: true })),
      );
      assert.equal(server.downloadsOf('/burst.pem'), 2);
    });

    it('downloads again when the cached certificate has expired, in case it was renewed', async () => {
      const { pki, only2026 } = certificates();
      server.answers.set('/renewing.pem', { file: only2026.bundlePem });
      const v = verifier({ cacheTtlMs: 24 * 60 * 60_000 });
      setNow(at('2026-12-31T23:00:00Z'));
      assert.deepEqual(await v.verify(BODY, signedHeaders(BODY, only2026.privateKey, server.url('/renewing.pem'))), {
        ok: true,
      });
      server.answers.set('/renewing.pem', { file: pki.bundlePem });
      setNow(at('2027-01-01T00:30:00Z'));
      assert.deepEqual(await v.verify(BODY, headersFor('/renewing.pem')), { ok: true });
      assert.equal(server.downloadsOf('/renewing.pem'), 2);
    });
  });
});
