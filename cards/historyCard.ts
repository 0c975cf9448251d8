import template from './templates/history.json';
import { CardTemplate, type AdaptiveCard } from './render';
import { VERBS } from './verbs';

/** One entry of a referral's timeline, already worded. */
export interface HistoryEntry {
  /** What happened and who did it. */
  heading: string;
  when: string;
  /** "Field: before → after" lines. */
  changes: string[];
}

export interface HistoryCardData {
  referralId: string;
  title: string;
  subtitle: string;
  /** Says how many older entries are left out; empty hides it. */
  earlier: string;
  entries: HistoryEntry[];
  backTitle: string;
}

const historyTemplate = new CardTemplate<HistoryCardData & { backVerb: string }>(template);

/** A referral's timeline, newest first, with a button back to the referral's card. */
export function renderHistoryCard(data: HistoryCardData): AdaptiveCard {
  return historyTemplate.render({ ...data, backVerb: VERBS.refresh });
}
