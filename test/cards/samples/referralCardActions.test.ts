import assert from 'node:assert/strict';
import type { AdaptiveCard } from '../../../cards/render';
import { VERBS } from '../../../cards/verbs';
import { en } from '../../../bot/strings/en';
import { ACTION_HANDLERS } from '../../../bot/teams/actions';
import { referralCard, referralCardData } from '../../../bot/teams/views/referral/referralCardView';
import { dealVerbs, ownerVerbs, verbsIn } from '../../e2e/flows';
import { NOW, receivedRecord } from '../../support/fixtures';
import { decided } from '../../support/cardVariants';
import { alice, assessmentDeal, samples } from './samples';

describe('cards', () => {
  it('offers Accept and Decline only while a referral is received and not past its expiry', () => {
    assert.deepEqual(dealVerbs(samples['received referral']).sort(), [VERBS.accept, VERBS.decline].sort());
    assert.deepEqual(dealVerbs(samples['received referral past its expiry']), []);
    for (const stage of ['declined', 'won', 'lost', 'expired']) assert.deepEqual(dealVerbs(samples[stage]), [], stage);
  });

  it("offers Won and Lost only in the owner's card; the shared card is read-only and refreshes for the owner", () => {
    // The refresh, and a button that does the same for clients that do not refresh by themselves.
    assert.deepEqual(dealVerbs(samples.accepted), [VERBS.refresh, VERBS.refresh]);
    assert.match(JSON.stringify(samples.accepted), new RegExp(`"title":"${en.card.dealActions}"`));
    assert.deepEqual((samples.accepted as { refresh?: { userIds: string[] } }).refresh?.userIds, ['29:alice']);
    assert.deepEqual(dealVerbs(samples['accepted, as its owner sees it']), ownerVerbs(false));
    const stranger = referralCard(decided('accepted'), NOW, en, {
      viewer: { id: 'aad-bob', name: 'Bob', teamsId: '29:bob' },
    });
    assert.deepEqual(dealVerbs(stranger), [VERBS.refresh]);
    const text = JSON.stringify(samples['accepted, as its owner sees it']);
    for (const id of ['finalValue', 'lossReason'])
      assert.match(text, new RegExp(`"id":"${id}"[^}]*"isRequired":true`), id);
  });

  it('shows the team, the sales stage as progress, and refreshes for every team member with a Teams account', () => {
    const card = samples['accepted deal with a team, solutions to add and upgrades, as its owner sees it'];
    const text = JSON.stringify(card);
    assert.match(text, /Presales Engineer · presales@partner.example · \+1 425 555 0100"/);
    assert.match(text, /Outside Consultant · consultant@elsewhere.example · \+44 20 7946 0000 \(not in Teams\)/);
    assert.match(
      text,
      /"text":"Sales stage: Developed \(40 %\)","wrap":true,"spacing":"Medium"\},\{"type":"ColumnSet","spacing":"Small","columns":\[\{"type":"Column","width":40,"style":"good"/,
      'the bar, labelled with the stage',
    );
    assert.doesNotMatch(text, /"title":"Sales stage"/, 'the stage is not a fact besides');
    assert.match(text, /"title":"Deal type","value":"Private"/);
    assert.deepEqual((card as { refresh?: { userIds: string[] } }).refresh?.userIds, ['29:alice', '29:presales']);
    assert.match(text, new RegExp(en.card.unstar), 'the viewer starred it');
    assert.deepEqual(dealVerbs(card).filter((v) => v === VERBS.removeMember).length, 2, 'a Remove button per member');
    assert.ok(dealVerbs(card).includes(VERBS.upgrade), 'a private deal we created can be upgraded');
    assert.ok(dealVerbs(card).includes(VERBS.addSolution));
  });

  it('offers Won on a solution assessment only once every stage is complete, and only the next stage', () => {
    const proposed = referralCardData(assessmentDeal('Proposed'), NOW, en, { viewer: alice });
    assert.equal(proposed.win.allowed, false);
    assert.equal(proposed.winHint, en.card.winAfterStages);
    assert.deepEqual(
      proposed.edit.salesStages.map((c) => c.value),
      ['Proposed', 'Negotiated'],
    );
    assert.ok(!dealVerbs(samples['solution assessment at Proposed, as its owner sees it']).includes(VERBS.win));
    const negotiated = referralCardData(assessmentDeal('Negotiated'), NOW, en, { viewer: alice });
    assert.equal(negotiated.win.allowed, true);
    assert.equal(negotiated.solutionsForm.choices.length, 0, 'an assessment takes no other solution');
  });

  it("offers Snooze on a reminder, and on a stale deal's reminder moving its close date to its workers", () => {
    const snooze = (card: AdaptiveCard) => verbsIn(card).filter((verb) => verb === VERBS.snooze).length;
    assert.equal(snooze(samples['reminder in the channel thread']), 3, 'in 1 hour, in 4 hours, tomorrow morning');
    assert.equal(snooze(samples['received referral']), 0, 'not on the card itself');
    assert.ok(!verbsIn(samples['reminder in the channel thread']).includes(VERBS.moveCloseDate));
    const stale = samples['reminder of a deal gone stale, as its owner sees it'];
    assert.equal(snooze(stale), 3);
    assert.ok(verbsIn(stale).includes(VERBS.moveCloseDate));
    assert.ok(
      !verbsIn(referralCard(decided('accepted'), NOW.plus({ days: 90 }), en, { reminder: true })).includes(
        VERBS.moveCloseDate,
      ),
      'not for someone not working the deal',
    );
    assert.equal(
      snooze(referralCard(receivedRecord(), NOW.plus({ days: 20 }), en, { reminder: true })),
      0,
      'nothing to snooze once expired',
    );
  });

  it('offers the two-step answers in turn, and says when a referral was missed', () => {
    assert.deepEqual(dealVerbs(samples['two-step flow, new']), [VERBS.interested, VERBS.noThanks]);
    assert.deepEqual(dealVerbs(samples['two-step flow, evaluating']), [VERBS.accept, VERBS.decline]);
    assert.deepEqual(dealVerbs(samples['two-step flow, missed unanswered']), []);
    assert.match(
      JSON.stringify(samples['two-step flow, missed unanswered']),
      /Missed on .*nobody said they were interested in time/,
    );
  });

  it('every verb has a handler and every handler a verb', () => {
    assert.deepEqual(Object.keys(ACTION_HANDLERS).sort(), Object.values(VERBS).sort());
  });

  it('marks the required accept inputs required and the decline reason required', () => {
    const text = JSON.stringify(samples['received referral']);
    for (const id of ['dealName', 'dealValue', 'currency', 'closingDate', 'notes', 'reason']) {
      assert.match(text, new RegExp(`"id":"${id}"[^}]*"isRequired":true`), id);
    }
  });
});
