/**
 * The help an inviter asks for in a co-sell invitation (`inviteContext.assistanceRequestCode`),
 * as Partner Center codes it. Partner Center may send codes not listed here; they are shown as
 * they arrive rather than refused.
 */
export const ASSISTANCE_REQUEST_CODES = [
  'ProofOfConceptOrDemo',
  'CustomerTechnicalArchitecture',
  'QuotesOrLicensing',
  'WorkloadSpecificValueProposition',
  'GeneralOrOther',
] as const;

/** A help request Partner Center is known to send. */
export type AssistanceRequestCode = (typeof ASSISTANCE_REQUEST_CODES)[number];

/** Whether `code` is one of the help requests the desk has words for. */
export function isAssistanceRequestCode(code: string): code is AssistanceRequestCode {
  return (ASSISTANCE_REQUEST_CODES as readonly string[]).includes(code);
}
