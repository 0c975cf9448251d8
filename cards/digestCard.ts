import template from './templates/digest.json';
import { CardTemplate, type AdaptiveCard } from './render';
import { VERBS } from './verbs';

/** A title and a value, as a FactSet shows them. */
export interface DigestFact {
  title: string;
  value: string;
}

/** One line of a chart: a legend, a colour of Teams' chart palette, and a value per week. */
export interface DigestChartSeries {
  legend: string;
  color: string;
  values: { x: string; y: number }[];
}

/** The chart's figures as a small table, for clients that render no charts. */
export interface DigestChartTable {
  week: string;
  received: string;
  won: string;
  lost: string;
  rows: { week: string; received: string; won: string; lost: string }[];
}

/** A short list of deals, with a button that sends the whole list when there is more. */
export interface DigestDealList {
  /** Which list (see DigestListKind) and of which regions (codes, comma-separated): the button's data. */
  list: string;
  regions: string;
  title: string;
  /** Shown when the list is empty; empty otherwise. */
  empty: string;
  lines: { title: string; subtitle: string }[];
  /** "And 12 more."; empty when all are shown. */
  more: string;
  /** The button's title; empty hides it. */
  showAll: string;
}

/** One region, or all the manager's regions together. */
export interface DigestSection {
  title: string;
  /** The element id of the section's figures (unique in the card), what its Details button shows and hides. */
  id: string;
  /** Whether its figures are shown; hidden ones open with the Details button. */
  visible: boolean;
  detailsTitle: string;
  /** The section's last 7 days in a line, shown while its figures are closed. */
  summary: string;
  facts: DigestFact[];
  chartTitle: string;
  /** Empty: no chart (a region summed up in a card kept small). */
  chart: DigestChartSeries[];
  /** The top of the chart's y-axis: a multiple of 4, so its quarter ticks are whole counts. */
  chartMax: number;
  table: DigestChartTable;
  pipelineTitle: string;
  pipeline: DigestFact[];
  pipelineEmpty: string;
  lists: DigestDealList[];
  repsTitle: string;
  reps: DigestFact[];
  repsMore: string;
}

export interface DigestCardData {
  title: string;
  subtitle: string;
  sections: DigestSection[];
  footnote: string;
}

const digestTemplate = new CardTemplate<DigestCardData & { listVerb: string }>(template);

/**
 * A manager's digest: per section the week's figures and trends, a line chart of the five
 * weeks (a table where charts do not render), the pipeline, short deal lists and people;
 * sections not `visible` show their title and a Details button that opens them.
 */
export function renderDigestCard(data: DigestCardData): AdaptiveCard {
  return digestTemplate.render({ ...data, listVerb: VERBS.digestList });
}
