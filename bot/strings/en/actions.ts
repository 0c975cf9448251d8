/** Answers to a click on a card that could not be carried out, in English. */

export const actions = {
  notPermitted: (owner: string | undefined) =>
    owner
      ? `Only ${owner}, who owns this deal, and the deal's team can change it.`
      : 'Only the people working this deal can change it.',
  notPermittedToReassign: (owner: string | undefined) =>
    `Only ${owner ?? 'the owner'}, who owns this deal, the region's managers or an admin can hand it over.`,
  stagesIncomplete: (stage: string) =>
    `A solution-assessment deal is won only after every sales stage is complete; it is at ${stage}. Complete the stages under Edit deal first.`,
  noChange: 'Nothing to change: the deal already looks like that.',
  editConflict: (fields: string, by: string | undefined) =>
    `${by ?? 'Someone'} changed ${fields} while you were editing, so nothing was saved. The card shows the deal as it is now: edit it again to change it.`,
  upgradeNotAllowed: "This deal's type does not allow that change any more; the card shows what it is now.",
  alreadyDecided: (stage: string, by: string) =>
    `${by} already ${stage.toLowerCase()} this referral; the card shows where it stands now.`,
  notAllowed: (stage: string) =>
    `This referral is ${stage.toLowerCase()}, so that action is no longer possible; the card shows where it stands now.`,
  notFound: 'This referral is no longer known to Referral Desk.',
  fixInput: (problems: string) => `Please fix: ${problems}`,
  busy: 'Someone else is changing this referral right now. Please try again.',
  stillWorking: 'Referral Desk is still working on this click. Please look at the card again in a moment.',
  alreadyDone: 'Done: Referral Desk has already carried out this click.',
  failed: 'Something went wrong on our side and nothing was changed. Please try again in a moment.',
  unknownAction: 'Unknown action: Referral Desk does not offer what this button asked for, so nothing was changed.',
};
