import template from './templates/links.json';
import { CardTemplate, type AdaptiveCard } from './render';

export interface LinksCardData {
  title: string;
  /** One row per link: what is linked, and where it goes. */
  rows: { title: string; value: string }[];
  footnote: string;
}

const linksTemplate = new CardTemplate<LinksCardData>(template);

/** The answer to `links`: the current mapping of regions and countries to channels. */
export function renderLinksCard(data: LinksCardData): AdaptiveCard {
  return linksTemplate.render(data);
}
