import { VERBS, type Verb } from '../verbs';
import { column, columnSet, heading, when, type CardAction, type CardElement } from '../elements';
import type { Listed, ReferralCardData } from './referralCardData';

/**
 * The deal's team and solutions, each listed with a Remove button, and forms that add a
 * member or a solution. Only in the card of someone working the deal.
 */
export function teamFormAction(d: ReferralCardData): CardAction[] {
  const { team, teamForm, solutionsForm } = d;
  return when<CardAction>(d.dealActions, {
    type: 'Action.ShowCard',
    title: teamForm.buttonTitle,
    card: {
      type: 'AdaptiveCard',
      body: [
        heading(team.title),
        ...emptyNote(team.members, teamForm.empty),
        ...removableLines(team.members, d, VERBS.removeMember, 'email'),
        {
          type: 'Container',
          spacing: 'Medium',
          items: [
            heading(solutionsForm.title),
            ...emptyNote(solutionsForm.current, solutionsForm.empty),
            ...removableLines(solutionsForm.current, d, VERBS.removeSolution, 'solutionId'),
          ],
        },
      ],
      actions: [addMemberForm(d), ...addSolutionForm(d)],
    },
  });
}

function emptyNote(list: readonly Listed[], text: string): CardElement[] {
  return when<CardElement>(list.length === 0, {
    type: 'TextBlock',
    text,
    isSubtle: true,
    wrap: true,
    spacing: 'Small',
  });
}

/** A line per item, with a Remove button that names the item by `key` in the action's `keyName`. */
function removableLines(list: readonly Listed[], d: ReferralCardData, verb: Verb, keyName: string): CardElement[] {
  return list.map(({ text, key }) => ({
    type: 'ColumnSet',
    spacing: 'Small',
    columns: [
      {
        type: 'Column',
        width: 'stretch',
        verticalContentAlignment: 'Center',
        items: [{ type: 'TextBlock', text, wrap: true }],
      },
      column('auto', {
        type: 'ActionSet',
        actions: [
          {
            type: 'Action.Execute',
            title: d.teamForm.remove,
            verb,
            associatedInputs: 'none',
            data: { referralId: d.referralId, [keyName]: key },
          },
        ],
      }),
    ],
  }));
}

function addMemberForm({ teamForm: f, referralId }: ReferralCardData): CardAction {
  const name = (id: string, label: string) =>
    column('stretch', {
      type: 'Input.Text',
      id,
      label,
      maxLength: 100,
      isRequired: true,
      errorMessage: f.requiredError,
    });
  return {
    type: 'Action.ShowCard',
    title: f.addTitle,
    card: {
      type: 'AdaptiveCard',
      body: [
        columnSet(name('firstName', f.firstName), name('lastName', f.lastName)),
        {
          type: 'Input.Text',
          id: 'phoneNumber',
          label: f.phone,
          style: 'Tel',
          maxLength: 30,
          isRequired: true,
          errorMessage: f.phoneError,
        },
        {
          type: 'Input.Text',
          id: 'email',
          label: f.email,
          style: 'Email',
          maxLength: 200,
          isRequired: true,
          errorMessage: f.emailError,
        },
        { type: 'TextBlock', text: f.hint, isSubtle: true, size: 'Small', wrap: true },
      ],
      actions: [
        { type: 'Action.Execute', title: f.submit, style: 'positive', verb: VERBS.addMember, data: { referralId } },
      ],
    },
  };
}

function addSolutionForm({ solutionsForm: f, referralId }: ReferralCardData): CardAction[] {
  return when<CardAction>(f.choices.length > 0, {
    type: 'Action.ShowCard',
    title: f.addTitle,
    card: {
      type: 'AdaptiveCard',
      body: [
        {
          type: 'Input.ChoiceSet',
          id: 'solution',
          label: f.label,
          style: 'compact',
          isRequired: true,
          errorMessage: f.requiredError,
          choices: f.choices.map(({ title, value }) => ({ title, value })),
        },
      ],
      actions: [
        { type: 'Action.Execute', title: f.submit, style: 'positive', verb: VERBS.addSolution, data: { referralId } },
      ],
    },
  });
}
