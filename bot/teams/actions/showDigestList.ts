import { cardAttachment } from '../../../cards/render';
import { DIGEST_LIST_KINDS, type DigestListKind } from '../../domain/digestMetrics';
import type { Region } from '../../domain/routing';
import { digestRegionsOf, readerZone } from '../../referrals';
import type { Services } from '../../services';
import { cardResponse, messageResponse } from '../invokeResponses';
import { sendToSender, type PrivateDeliveryServices } from '../personalChat';
import { digestListCard } from '../views/digestListView';
import type { ActionHandler } from './actionHandler';
import { InputReader } from './inputReader';

/** What a digest's list reads: the regions the user manages, their open deals and zone, and their personal chat. */
export type DigestListServices = Pick<
  Services,
  'strings' | 'indexes' | 'clock' | 'regions' | 'roles' | 'admins' | 'users' | 'defaultHours' | 'exchangeRates'
> &
  PrivateDeliveryServices;

/**
 * "Show all" on a digest: the whole list, for the clicking user only and only of regions
 * they manage (a forwarded digest shows no one else's deals). It arrives as a new message
 * in their personal chat; the list's own page buttons (data `page`) turn its pages in place.
 */
export const showDigestList: ActionHandler<DigestListServices> = async ({ turn, data, actor, services }) => {
  const { strings } = services;
  const read = InputReader.of(data);
  const kind = read.text('list', { required: true, max: 16 }) as DigestListKind;
  const codes = read
    .text('regions', { required: true, max: 2000 })
    .split(',')
    .map((code) => code.trim())
    .filter(Boolean);
  const page = read.text('page', { max: 8 });
  if (read.problems.length > 0 || !DIGEST_LIST_KINDS.includes(kind)) return messageResponse(strings.actions.failed);
  const managed = await digestRegionsOf(services, actor);
  const regions = codes.map((code) => managed.find((region) => region.code === code));
  if (regions.length === 0 || !regions.every((region): region is Region => region !== undefined))
    return messageResponse(strings.digest.notYourRegion);

  const open = (await Promise.all(regions.map((region) => services.indexes.openDeals(region.code)))).flat();
  const card = digestListCard(
    kind,
    regions,
    open,
    Number(page ?? 0) || 0,
    services.clock(),
    await readerZone(services, actor),
    strings,
    services.exchangeRates,
  );
  if (page !== undefined) return cardResponse(card);
  const delivery = await sendToSender(turn, services, actor, { type: 'message', attachments: [cardAttachment(card)] });
  return messageResponse(
    { here: strings.digest.listBelow, direct: strings.digest.listSent, undelivered: strings.digest.listNotSent }[
      delivery
    ],
  );
};
