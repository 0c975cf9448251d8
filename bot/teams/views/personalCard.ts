import type { AdaptiveCard } from '../../../cards/render';
import { authorityOf } from '../../domain/permissions';
import type { Actor, ReferralRecord } from '../../domain/referral';
import { regionsWithManagers } from '../../referrals';
import type { Services } from '../../services';
import { referralCard } from './referral/referralCardView';
import type { CardView } from './referral/cardView';

/** What a user's own version of a card reads about them: the regions' managers, the admins, their favourites. */
export type ViewerServices = Pick<Services, 'regions' | 'roles' | 'admins' | 'favorites' | 'solutions'>;

/** What a user's own card is drawn with: what it reads about them, the time now and the sentences. */
export type PersonalCardServices = ViewerServices & Pick<Services, 'clock' | 'strings'>;

/** A user's own view of a referral's card, looked up once and drawn for any copy of the referral. */
export type Viewing = (record: ReferralRecord) => CardView;

/** What a user's own version of the referral's card needs to know about them: their authority over it, their star. */
export async function viewerOf(
  services: ViewerServices,
  referralId: string,
  viewer: Actor,
  notice?: string,
): Promise<Viewing> {
  const [managed, favorite] = await Promise.all([
    regionsWithManagers(services),
    services.favorites.isFavorite(viewer.id, referralId),
  ]);
  return (record) => ({
    viewer,
    authority: authorityOf(viewer, record.referral.customerProfile.address.country, managed, services.admins),
    favorite,
    notice,
    solutions: services.solutions,
  });
}

/** What a user's own version of a referral's card needs to know about them. */
export async function viewFor(
  services: ViewerServices,
  record: ReferralRecord,
  viewer: Actor,
  notice?: string,
): Promise<CardView> {
  return (await viewerOf(services, record.referral.id, viewer, notice))(record);
}

/** The card as `viewer` sees it: their actions, their star, an optional notice on top, and Snooze when it is a reminder. */
export async function personalCard(
  services: PersonalCardServices,
  record: ReferralRecord,
  viewer: Actor,
  extra: Pick<CardView, 'notice' | 'reminder'> = {},
): Promise<AdaptiveCard> {
  return referralCard(record, services.clock(), services.strings, {
    ...(await viewFor(services, record, viewer, extra.notice)),
    reminder: extra.reminder,
  });
}
