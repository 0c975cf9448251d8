import type { Locator, Page } from 'playwright-core';

/** The bot's display name in `.m365agentsplayground.yml`. */
export const BOT_NAME = 'Referral Desk';

/**
 * The Agents Playground's web page, driven the way a person uses it: pick a channel in
 * the sidebar, write a post that @mentions the bot, read and click cards.
 */
export class PlaygroundPage {
  constructor(readonly page: Page) {}

  /** Opens the page; its fonts come from a CDN this machine cannot reach, so such requests are refused at once. */
  async open(url: string): Promise<void> {
    await this.page.route(/^https?:\/\/(?!localhost[:/]|127\.0\.0\.1[:/])/, (route) => route.abort());
    await this.page.goto(url);
    await this.page.getByRole('treeitem', { name: /General$/ }).waitFor();
  }

  /** Selects a team channel in the sidebar; the Playground installs the app in the team on first visit. */
  async openChannel(team: string, channel: string): Promise<void> {
    await this.page.getByRole('treeitem', { name: `${team} - ${channel}` }).click();
    await this.newPostBox().waitFor();
  }

  /** Opens the personal chat with the bot. */
  async openPersonalChat(): Promise<void> {
    await this.page.getByRole('treeitem', { name: /Personal Chat/ }).click();
    await this.newPostBox().waitFor();
  }

  /** Sends `text` to the bot in the open chat. */
  async sendInChat(text: string): Promise<void> {
    await this.newPostBox().click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  /** Starts a new post in the open channel that @mentions the bot, then `text`. */
  async postMentioningBot(text: string): Promise<void> {
    await this.newPostBox().click();
    await this.page.keyboard.type('@');
    await this.page.getByRole('menuitem', { name: BOT_NAME }).click();
    await this.page.keyboard.type(` ${text}`);
    await this.page.getByRole('button', { name: 'Post', exact: true }).click();
  }

  /** A bot message containing `text` (a reply or a card). */
  botMessage(text: string | RegExp): Locator {
    return this.page.getByText(text).first();
  }

  /** The Adaptive Card whose text contains `text`. */
  card(text: string): Locator {
    return this.page.locator('.ac-adaptiveCard').filter({ hasText: text });
  }

  /**
   * What of `card` would be cut were it `width` pixels wide (a phone's): the text of each
   * element that ends past the card's content, into its padding or beyond (where the card
   * cuts it); nothing when all of it fits. The card is drawn at that width only while it is measured.
   */
  async overflowAt(card: Locator, width: number): Promise<string[]> {
    return card.first().evaluate((element, px) => {
      const root = element as unknown as DrawnElement;
      const before = root.style.cssText;
      root.style.cssText += `;width:${px}px !important;max-width:${px}px !important;min-width:0 !important`;
      // Text may reach the card's padding only by being cut there: it must end within the content.
      const { right } = root.getBoundingClientRect();
      const { getComputedStyle } = globalThis as unknown as PageGlobals;
      const edge = right - parseFloat(getComputedStyle(root).paddingRight);
      const past = new Set<string>();
      for (const leaf of root.querySelectorAll('*')) {
        const text = leaf.textContent?.trim() ?? '';
        if (leaf.children.length === 0 && text !== '' && leaf.getBoundingClientRect().right > edge + 2)
          past.add(text.slice(0, 80));
      }
      root.style.cssText = before;
      return [...past];
    }, width);
  }

  /** Where a post or a chat message is written: the channel's new post, or the chat's box. */
  private newPostBox(): Locator {
    return this.page.locator('[role=textbox][contenteditable=true]').first();
  }
}

/** What measuring a card reads of an element in the page (the project's types have no DOM). */
interface DrawnElement {
  style: { cssText: string };
  children: { length: number };
  textContent: string | null;
  tagName: string;
  getBoundingClientRect(): { right: number };
  querySelectorAll(selector: string): Iterable<DrawnElement>;
}

/** What measuring a card reads of the page's globals. */
interface PageGlobals {
  getComputedStyle(this: void, element: DrawnElement): { paddingRight: string };
}
