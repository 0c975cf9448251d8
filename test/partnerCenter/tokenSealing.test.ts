import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { fingerprintOf, TokenKey, tokenKeyFrom, type SealedToken } from '../../bot/partnerCenter/tokenSealing';

const KEY_TEXT = Buffer.alloc(32, 7).toString('base64');
const OTHER_TEXT = Buffer.alloc(32, 8).toString('base64');
const TOKEN = '0.AXkA-refresh-token-of-the-user.with_every+kind/of=character';
const CONTEXT = 'referral-desk/partner-center-refresh-token/v1/origin-1';

function keyOf(text: string): TokenKey {
  const key = tokenKeyFrom(text);
  if (!(key instanceof TokenKey)) assert.fail(`expected a key, got ${key.problem}`);
  return key;
}

/** `sealed` with one byte of its base64 field `field` flipped. */
function flipped(sealed: SealedToken, field: 'iv' | 'ciphertext' | 'tag'): SealedToken {
  const bytes = Buffer.from(sealed[field], 'base64');
  bytes[0] ^= 1;
  return { ...sealed, [field]: bytes.toString('base64') };
}

describe('partnerCenter: sealing the refresh token (AES-256-GCM)', () => {
  it('opens what it sealed, with the same key and context', () => {
    const key = keyOf(KEY_TEXT);
    const sealed = key.seal(TOKEN, CONTEXT);
    assert.deepEqual(key.open(sealed, CONTEXT), { token: TOKEN });
    assert.deepEqual(keyOf(KEY_TEXT).open(sealed, CONTEXT), { token: TOKEN }, 'the key made again opens it');
    const bytes = Buffer.from(sealed.ciphertext, 'base64').toString('latin1');
    assert.ok(!bytes.includes('refresh'), 'the token is not readable');
  });

  it('uses a fresh IV for every seal, so the same token never seals the same twice', () => {
    const key = keyOf(KEY_TEXT);
    const seals = Array.from({ length: 20 }, () => key.seal(TOKEN, CONTEXT));
    assert.equal(new Set(seals.map((s) => s.iv)).size, 20);
    assert.equal(new Set(seals.map((s) => s.ciphertext)).size, 20);
    assert.equal(Buffer.from(seals[0].iv, 'base64').length, 12);
    assert.equal(Buffer.from(seals[0].tag, 'base64').length, 16);
  });

  it('tells a token sealed under another key, by the key fingerprint kept beside it', () => {
    const sealed = keyOf(KEY_TEXT).seal(TOKEN, CONTEXT);
    const other = keyOf(OTHER_TEXT);
    assert.notEqual(other.id, sealed.keyId);
    assert.deepEqual(other.open(sealed, CONTEXT), { failure: 'otherKey' });
    // Even when the fingerprint is forged to match, GCM refuses the wrong key.
    assert.deepEqual(other.open({ ...sealed, keyId: other.id }, CONTEXT), { failure: 'tampered' });
  });

  it('refuses a changed ciphertext, IV, tag or context', () => {
    const key = keyOf(KEY_TEXT);
    const sealed = key.seal(TOKEN, CONTEXT);
    for (const field of ['iv', 'ciphertext', 'tag'] as const) {
      assert.deepEqual(key.open(flipped(sealed, field), CONTEXT), { failure: 'tampered' }, field);
    }
    assert.deepEqual(key.open(sealed, `${CONTEXT}-other-origin`), { failure: 'tampered' });
    assert.deepEqual(key.open({ ...sealed, tag: sealed.tag.slice(0, 8) }, CONTEXT), { failure: 'tampered' }, 'cut');
    assert.deepEqual(key.open({ ...sealed, iv: '' }, CONTEXT), { failure: 'tampered' }, 'no IV');
  });

  it('reads the setting as 32 bytes of base64, standard or URL-safe, and says what is wrong without quoting it', () => {
    const bytes = Buffer.from(Array.from({ length: 32 }, (_, i) => 250 - i));
    const standard = keyOf(bytes.toString('base64'));
    assert.equal(keyOf(bytes.toString('base64url')).id, standard.id);
    assert.equal(keyOf(` ${bytes.toString('base64')}\n`).id, standard.id, 'surrounding blanks are dropped');
    const cases: [string, RegExp][] = [
      [Buffer.alloc(16, 1).toString('base64'), /decodes to 16 bytes/],
      [Buffer.alloc(33, 1).toString('base64'), /decodes to 33 bytes/],
      ['not base64 at all!', /it is not base64/],
      [`${KEY_TEXT.slice(0, 20)}=${KEY_TEXT.slice(21)}`, /it is not base64/],
      [KEY_TEXT.slice(0, 42), /decodes to 31 bytes/],
      [`${KEY_TEXT.slice(0, 42)}d=`, /it is not well-formed base64/],
    ];
    for (const [text, problem] of cases) {
      const key = tokenKeyFrom(text);
      assert.ok(!(key instanceof TokenKey), text);
      assert.match(key.problem, /^must be 32 random bytes in base64/);
      assert.match(key.problem, problem, text);
      assert.ok(!key.problem.includes(text), 'the secret is not quoted');
    }
  });

  it('shows its fingerprint only, never its bytes, when printed or serialised', () => {
    const key = keyOf(KEY_TEXT);
    assert.match(key.id, /^[0-9a-f]{16}$/);
    const hex = Buffer.from(KEY_TEXT, 'base64').toString('hex');
    const views = [JSON.stringify(key), inspect(key, { showHidden: true, depth: 5 }), String(Object.values(key))];
    for (const shown of views) {
      assert.ok(!shown.includes(KEY_TEXT) && !shown.includes(hex) && !shown.includes('7,7,7'), shown);
      assert.ok(shown.includes(key.id), shown);
    }
  });

  it('fingerprints a token with SHA-256, the same each time', () => {
    assert.equal(fingerprintOf('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.notEqual(fingerprintOf(TOKEN), fingerprintOf(`${TOKEN}x`));
  });
});
