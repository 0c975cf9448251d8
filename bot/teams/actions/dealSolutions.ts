import { lifecycleForm } from './lifecycleForm';

/** Adds one of the partner's published solutions to the deal. */
export const addSolution = lifecycleForm((read, { services }) => {
  const id = read.text('solution', { required: true, max: 100 });
  const solution = services.solutions.find((s) => s.id === id);
  if (id && !solution) read.problems.push({ field: 'solution', problem: 'unknownChoice' });
  return {
    action: 'addSolution',
    input: { solution: solution ?? { id, name: id, kind: 'solution', incentiveEligible: false } },
  };
});

/** Removes a solution from the deal. */
export const removeSolution = lifecycleForm((read) => ({
  action: 'removeSolution',
  input: { solutionId: read.text('solutionId', { required: true, max: 100 }) },
}));
