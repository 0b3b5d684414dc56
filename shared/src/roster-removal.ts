import type { TMember } from './member.js';

/**
 * Above this share of today's members removed, an import is confirmed first: a file cut short,
 * a wrong export or a header alone would otherwise empty the directory, and every answer of
 * those left out would then be refused.
 */
export const MAX_UNCONFIRMED_REMOVAL_SHARE = 0.2;

export type TRosterRemoval = { removed: number; current: number };

/** How many of today's members the new roster leaves out (by email). */
export function rosterRemoval(
  currentEmails: readonly string[],
  next: readonly Pick<TMember, 'email'>[],
): TRosterRemoval {
  const kept = new Set(next.map((member) => member.email));
  const removed = currentEmails.filter((email) => !kept.has(email)).length;
  return { removed, current: currentEmails.length };
}

export function needsRemovalConfirmation({ removed, current }: TRosterRemoval): boolean {
  return current > 0 && removed / current > MAX_UNCONFIRMED_REMOVAL_SHARE;
}
