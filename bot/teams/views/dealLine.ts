import { literal } from '../../../cards/literal';
import { shownSalesStage, type DealSummary } from '../../domain/dealSummary';
import { convertedValue, type ExchangeRates } from '../../domain/exchangeRates';
import { parseInstant } from '../../domain/timeLimits';
import type { Strings } from '../../strings/en';
import { clip, money, plainDate } from './format';

/** Deal names and customers are cut to this in lists, so a long one cannot grow a card. */
const MAX_NAME = 80;

/**
 * A deal as one line of a list: its name (and the customer's, when it differs), then its
 * stage (an accepted deal's sales stage, as its card names it), value, the date that matters
 * and its owner. Deadlines are
 * shown in `zone`, the reader's; close dates are calendar dates. Names are shown as typed.
 * With exchange rates, a value in another currency is followed by what it is worth in theirs.
 */
export function dealLine(
  deal: DealSummary,
  zone: string,
  strings: Strings,
  rates?: ExchangeRates,
): { title: string; subtitle: string } {
  const name = (text: string) => literal(clip(text, MAX_NAME));
  const title =
    deal.customer && deal.customer !== deal.name ? `${name(deal.name)} · ${name(deal.customer)}` : name(deal.name);
  const undecided = deal.stage === 'received' || deal.stage === 'evaluating';
  const when = undecided
    ? deal.deadline &&
      strings.digest.expires(
        parseInstant(deal.deadline)
          .setZone(zone)
          .setLocale(strings.format.locale)
          .toFormat(strings.format.shortDateTime),
      )
    : deal.closing && strings.digest.closes(plainDate(parseInstant(deal.closing), strings.format));
  const parts = [
    stageText(deal, strings),
    deal.value !== undefined ? money(deal.value, deal.currency, strings.format) : undefined,
    deal.value !== undefined && rates ? approximately(deal.value, deal.currency, rates, strings) : undefined,
    when,
    deal.owner ? name(deal.owner.name) : undefined,
  ];
  return { title, subtitle: parts.filter(Boolean).join(' · ') };
}

/** "≈ €1,170.00" for a value in another currency than the rates'; nothing otherwise. */
function approximately(
  value: number,
  currency: string | undefined,
  rates: ExchangeRates,
  strings: Strings,
): string | undefined {
  if (currency === rates.currency) return undefined;
  const converted = convertedValue(value, currency, rates);
  return converted === undefined
    ? undefined
    : strings.digest.approximately(money(converted, rates.currency, strings.format));
}

/** An accepted deal's sales stage ("Qualified (20 %)"), as its card shows it; any other deal's stage. */
export function stageText(deal: Pick<DealSummary, 'stage' | 'salesStage' | 'percent'>, strings: Strings): string {
  return deal.stage === 'accepted' ? strings.salesStage[shownSalesStage(deal)] : strings.stage[deal.stage];
}
