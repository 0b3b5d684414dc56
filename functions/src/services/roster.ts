import {
  DomainError,
  needsRemovalConfirmation,
  rosterRemoval,
  type TMember,
  type TRosterRemoval,
} from '@boucle/shared';
import type { TAppDeps } from '../http/env.js';

/**
 * Replaces the roster. One that removes more than a fifth of today's members is refused until
 * confirmed (ADR 24). A member it removes while an iteration is open loses their frozen
 * disclosure segment of that iteration: answers read that item only, so they can no longer
 * answer (ADR 0021). Done after the roster switched; a crash in between leaves them able to
 * answer until the next import that removes them (known, rare).
 */
export async function importRoster(
  deps: Pick<TAppDeps, 'directory' | 'iterations' | 'disclosure' | 'now'>,
  members: readonly TMember[],
  removalConfirmed: boolean,
): Promise<void> {
  const before = (await deps.directory.members()).map((member) => member.email.toLowerCase());
  refuseUnconfirmedShrink(rosterRemoval(before, members), removalConfirmed);
  await deps.directory.replace(members, deps.now());
  const kept = new Set(members.map((member) => member.email.toLowerCase()));
  const removed = before.filter((email) => !kept.has(email));
  if (removed.length === 0) return;
  const openId = await deps.iterations.openIterationId();
  const open = openId === null ? null : await deps.iterations.get(openId);
  if (!open?.disclosureFreeze) return;
  await deps.disclosure.forget(
    { iterationId: open.iteration.id, freeze: open.disclosureFreeze },
    removed,
  );
}

/** The shrink guard of every import (ADR 24): the numbers, for the page to ask with. */
export function refuseUnconfirmedShrink(removal: TRosterRemoval, removalConfirmed: boolean): void {
  if (!needsRemovalConfirmation(removal) || removalConfirmed) return;
  throw new DomainError(
    'roster_shrinks',
    `This file removes ${removal.removed} of the ${removal.current} members; nothing was imported`,
    {
      confirmRemoval: `removes ${removal.removed} of ${removal.current} members: send again with confirmRemoval=true to import it`,
    },
  );
}
