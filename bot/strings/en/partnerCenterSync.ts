/** Whether a change reached Partner Center, as the card shows it, in English. */

export const partnerCenterSync = {
  label: 'Partner Center',
  synced: '✓ Up to date',
  pending: '⏳ Being written',
  retrying: (reason: string) => `⏳ To be written again (${reason})`,
  failed: (reason: string) => `⚠ Not written: ${reason}`,
  closedThere: 'it is closed in Partner Center',
  conflict: (fields: string) => `⚠ Changed in Partner Center too: ${fields} as Partner Center has it`,
  conflictNotice: (deal: string, customer: string, fields: string) =>
    `${deal} (${customer}) was changed in Partner Center while your change was on its way: ${fields} now shows Partner Center's value, and yours was not written. Check the card, and change it again if yours should stand.`,
};
