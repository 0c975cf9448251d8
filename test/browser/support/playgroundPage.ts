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

  /** Where a post or a chat message is written: the channel's new post, or the chat's box. */
  private newPostBox(): Locator {
    return this.page.locator('[role=textbox][contenteditable=true]').first();
  }
}
