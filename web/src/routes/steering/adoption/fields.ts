import type { TAdoptionInput } from '@boucle/shared';

/** The figures of an iteration, in the order the table, the form and the file show them. */
export const ADOPTION_FIELDS = [
  'registeredMembers',
  'weeklyActiveMembers',
  'contributors',
  'posts',
  'comments',
] as const satisfies readonly (keyof TAdoptionInput)[];
