/**
 * Partner Center's rules for a referral's status and substatus (partner-center-api.md,
 * "Valid status transitions"): New may stay New or become Active or Closed, Active may
 * stay Active or become Closed, Closed is final; each status has its own substatuses.
 * A referral of status None (which Partner Center also reports) moves as a New one does.
 */

/** The substatuses that fit each status a referral can be given. */
export const SUBSTATUSES_OF_STATUS: Readonly<Record<string, readonly string[]>> = {
  New: ['Pending', 'Received'],
  Active: ['Accepted'],
  Closed: ['Won', 'Lost', 'Declined', 'Expired'],
};

const NEXT_STATUSES: Readonly<Record<string, readonly string[]>> = {
  None: ['New', 'Active', 'Closed'],
  New: ['New', 'Active', 'Closed'],
  Active: ['Active', 'Closed'],
  Closed: [],
};

const withArticle = (status: string) => `${/^[AEIOU]/.test(status) ? 'an' : 'a'} ${status}`;

/** What is wrong with a change of status/substatus, and which of the two paths it is about. */
export interface TransitionProblem {
  path: '/status' | '/substatus';
  message: string;
}

/**
 * Checks moving from `from` to `to`; undefined when allowed. `touched` says whether the
 * change sets the status or substatus at all: a Closed referral refuses even a repeat.
 */
export function transitionProblem(
  from: { status: string; substatus: string },
  to: { status: string; substatus: string },
  touched: { status: boolean; substatus: boolean },
): TransitionProblem | undefined {
  if (!touched.status && !touched.substatus) return undefined;
  const path = touched.status ? '/status' : '/substatus';
  if (from.status === 'Closed') {
    return {
      path,
      message: `the referral is Closed (${from.substatus}), which is final; its status and substatus cannot change`,
    };
  }
  const next = NEXT_STATUSES[from.status] ?? [];
  if (!next.includes(to.status)) {
    return {
      path: '/status',
      message: `${withArticle(from.status)} referral cannot become ${to.status}; it may become ${next.join(' or ')}`,
    };
  }
  const fitting = SUBSTATUSES_OF_STATUS[to.status];
  if (!fitting.includes(to.substatus)) {
    return {
      path: '/substatus',
      message: `substatus ${to.substatus} does not fit status ${to.status}; ${withArticle(to.status)} referral is ${fitting.join(', ')}`,
    };
  }
  return undefined;
}
