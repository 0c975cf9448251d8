import assert from 'node:assert/strict';
import { en } from '../../bot/strings/en';
import { historyCard } from '../../bot/teams/views/historyCardView';
import { validateCard } from '../support/cardSchema';
import { decided } from '../support/cardVariants';

describe('cards: a history event stored with null for no value', () => {
  const stored = { field: 'externalReferenceId', before: null, after: 'CRM-0042' } as unknown as {
    field: string;
    before?: string;
    after?: string;
  };
  const card = historyCard(
    decided('declined'),
    [
      {
        referralId: 'r',
        revision: 2,
        at: '2026-11-23T10:00:00.000Z',
        actor: { id: 'partner-center', name: 'Partner Center' },
        action: 'updated',
        changes: [stored],
      },
    ],
    en,
  );

  it('shows it as no value, and the card validates', () => {
    assert.match(JSON.stringify(card), /CRM ID: \(none\) → CRM-0042/);
    assert.deepEqual(validateCard(card), []);
  });
});
