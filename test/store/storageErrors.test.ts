import { strict as assert } from 'node:assert';
import { TableClient } from '@azure/data-tables';
import { isStorageUnavailable, storageAccessProblem, StorageSignInError } from '../../bot/store/errors';

describe('isStorageUnavailable', () => {
  it('is true for a table service nobody listens on', async () => {
    const client = TableClient.fromConnectionString(
      'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;',
      'nothing',
      { allowInsecureConnection: true, retryOptions: { maxRetries: 0 } },
    );
    const error = await client.getEntity('p', 'r').then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.equal(isStorageUnavailable(error), true);
  });

  it('is true for 500 and 503 answers and false for a refusal of the request', () => {
    assert.equal(isStorageUnavailable({ statusCode: 503 }), true);
    assert.equal(isStorageUnavailable({ statusCode: 500 }), true);
    assert.equal(isStorageUnavailable({ statusCode: 404 }), false);
    assert.equal(isStorageUnavailable({ statusCode: 412 }), false);
    assert.equal(isStorageUnavailable(new Error('a bug')), false);
  });
});

describe('storageAccessProblem', () => {
  it('tells a failed sign-in from a refusal of the identity, and both from an outage', () => {
    const signIn = new StorageSignInError('DefaultAzureCredential', new Error('no identity:\n  no endpoint'));
    assert.equal(signIn.message, 'sign-in failed (DefaultAzureCredential: no identity: no endpoint)');
    assert.equal(storageAccessProblem(signIn), 'sign-in failed');
    assert.equal(storageAccessProblem({ statusCode: 403 }), 'access denied');
    assert.equal(storageAccessProblem({ statusCode: 401 }), 'access denied');
    assert.equal(storageAccessProblem({ statusCode: 503 }), undefined);
    assert.equal(storageAccessProblem(new Error('a bug')), undefined);
  });

  it('counts both as storage unavailable: a sender is asked to deliver again, not told its request was wrong', () => {
    const signIn = new StorageSignInError('DefaultAzureCredential', new Error('no identity'));
    assert.equal(isStorageUnavailable(signIn), true);
    assert.equal(isStorageUnavailable({ statusCode: 403 }), true);
  });
});
