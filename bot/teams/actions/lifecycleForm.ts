import type { LifecycleCommand } from '../../domain/commands';
import { describeProblems, messageResponse } from '../invokeResponses';
import type { ActionContext, ActionHandler } from './actionHandler';
import { applyLifecycleAction, type LifecycleServices } from './applyLifecycleAction';
import { InputReader } from './inputReader';

/**
 * A card form that becomes one lifecycle command. `build` reads the form's fields (noting
 * malformed ones on the reader); any problem is answered with what to fix and changes
 * nothing, otherwise the command is applied to the referral named in the action's data.
 */
export function lifecycleForm(
  build: (read: InputReader, context: ActionContext<LifecycleServices>) => LifecycleCommand | Promise<LifecycleCommand>,
): ActionHandler<LifecycleServices> {
  const handler: ActionHandler<LifecycleServices> = async (context) => {
    const read = InputReader.of(context.data);
    const referralId = read.text('referralId', { required: true, max: 128 });
    const command = await build(read, context);
    if (read.problems.length > 0) {
      return messageResponse(
        context.services.strings.actions.fixInput(describeProblems(read.problems, context.services.strings)),
      );
    }
    return applyLifecycleAction(context.services, referralId, command, context.actor, {
      read: context.readNamed(referralId),
      ahead: context.ahead?.referralId === referralId ? context.ahead : undefined,
    });
  };
  LIFECYCLE_FORMS.add(handler);
  return handler;
}

/** Every handler lifecycleForm made: the ones that change the referral their click names. */
const LIFECYCLE_FORMS = new WeakSet<ActionHandler<LifecycleServices>>();

/** Whether `handler` changes the referral its click names (it was made by lifecycleForm). */
export function changesTheReferral(handler: ActionHandler<never>): boolean {
  return LIFECYCLE_FORMS.has(handler as ActionHandler<LifecycleServices>);
}
