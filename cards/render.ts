import type * as Templating from 'adaptivecards-templating';
import type { Template } from 'adaptivecards-templating';

/** An Adaptive Card as JSON, ready to send as an attachment. */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  version: string;
  body?: unknown[];
  actions?: unknown[];
  [key: string]: unknown;
}

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/**
 * A card template parsed once, at its first render (the templating library and the parse
 * are left out of the desk's start); `render` binds data to a fresh copy each time, so no
 * render can leak into another.
 */
export class CardTemplate<Data extends object> {
  private template: Template | undefined;

  constructor(private readonly json: object) {}

  render(data: Data): AdaptiveCard {
    this.template ??= new (templateLibrary().Template)(this.json);
    // Optional values are bound as null; a property that came out null is simply left off.
    return withoutNulls(this.template.expand({ $root: data })) as AdaptiveCard;
  }
}

let library: typeof Templating | undefined;

/** The templating library, loaded when the first card is rendered (about a tenth of a second). */
function templateLibrary(): typeof Templating {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, not at start-up
  library ??= require('adaptivecards-templating') as typeof Templating;
  return library;
}

function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => item !== null).map(withoutNulls);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, withoutNulls(v)]),
    );
  }
  return value;
}

/** The attachment that carries a card in a message activity. */
export function cardAttachment(card: AdaptiveCard): { contentType: string; content: AdaptiveCard } {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card };
}
