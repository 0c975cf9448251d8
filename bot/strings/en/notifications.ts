/**
 * What the desk says unprompted: reminders in the thread and directly, and notices of a handed-
 * over deal, in English.
 */

export const reminders = {
  nudge: (hours: string) =>
    `Nobody has answered this referral yet: ${hours} left to stay within the 24-hour target. Customers often ask several partners at once.`,
  deadline: (left: string, customer: string) =>
    `⏰ ${left} left to answer the referral of ${customer} before it expires.`,
  interest: (left: string, customer: string) =>
    `⏰ ${left} left to say whether we are interested in the referral of ${customer}.`,
  evaluation: (left: string, customer: string) => `⏰ ${left} left to accept or decline the referral of ${customer}.`,
  forYou: (mention: string) => `${mention}, this one is waiting for you.`,
  forResponders: (mentions: string) => `${mentions}: please accept or decline it.`,
  escalation: (left: string, customer: string) =>
    `⚠️ Nobody has answered the referral of ${customer} yet, and it expires in ${left}. You manage its region: please make sure someone accepts or declines it in time.`,
  escalationInterested: (who: string, left: string, customer: string) =>
    `⚠️ ${who} said Interested in the referral of ${customer} but has not accepted or declined it yet, and it expires in ${left}. You manage its region: please make sure it is accepted or declined in time.`,
  staleDeal: (deal: string, customer: string, closeDate: string) =>
    `📅 The estimated close date of ${deal} (${customer}) was ${closeDate}. Did you win it? Report Won or Lost, or move the close date.`,
  snoozedAnswer: (left: string, customer: string) =>
    `⏰ As you asked: ${left} left to answer the referral of ${customer}.`,
  snoozed: (when: string) => `Snoozed. I will remind you again ${when}.`,
  tooLateToSnooze: 'Too little time is left to snooze this one: please answer it now.',
};

export const notices = {
  nowOwner: (by: string, deal: string, customer: string) =>
    `${by} handed you ${deal} (${customer}): you are its owner now.`,
  nowOnTeam: (by: string, deal: string, customer: string) =>
    `${by} added you to the team of ${deal} (${customer}): you can work it from Teams.`,
};
