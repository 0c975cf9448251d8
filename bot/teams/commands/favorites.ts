import { cardAttachment } from '../../../cards/render';
import { renderReferralListCard } from '../../../cards/referralListCard';
import type { ReferralRecord } from '../../domain/referral';
import { stageOfRecord } from '../../domain/stage';
import { answerDeadlineOf, parseInstant } from '../../domain/timeLimits';
import type { Strings } from '../../strings/en';
import { money, plainDate } from '../views/format';
import type { Command } from './command';

/** A list card stays small and quick to read with this many favourites. */
export const MAX_FAVORITES_LISTED = 25;

/** `favorites`: the referrals the user starred, newest first, each with a button that opens its card. */
export const favorites: Command = async ({ turn, actor, services }) => {
  const { strings } = services;
  const ids = await services.favorites.list(actor.id);
  const shown = ids.slice(0, MAX_FAVORITES_LISTED);
  const stored = await Promise.all(shown.map((id) => services.referrals.get(id)));
  const items = stored
    .filter((s): s is NonNullable<typeof s> => s !== null)
    .map(({ record }) => ({ referralId: record.referral.id, title: record.referral.name || record.referral.customerProfile.name, subtitle: summary(record, strings) }));
  const card = renderReferralListCard({
    title: strings.favorites.title,
    empty: strings.favorites.empty,
    items,
    openTitle: strings.favorites.open,
    footnote: ids.length > shown.length ? strings.favorites.more(ids.length - shown.length) : '',
  });
  await turn.sendActivity({ attachments: [cardAttachment(card)] });
};

/** "Accepted · €30,000.00 · closes 15 Feb 2027". */
function summary(record: ReferralRecord, strings: Strings): string {
  const { referral } = record;
  const stage = stageOfRecord(record);
  const value = referral.details.dealValue !== undefined ? money(referral.details.dealValue, referral.details.currency) : '';
  const f = strings.favorites;
  const next =
    stage === 'received' || stage === 'evaluating'
      ? f.expires(plainDate(answerDeadlineOf(record)))
      : stage === 'accepted' && referral.details.closingDateTime
        ? f.closes(plainDate(parseInstant(referral.details.closingDateTime)))
        : '';
  return f.line(strings.stage[stage], value, next);
}
