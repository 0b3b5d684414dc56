import type { TMember } from '@boucle/shared';
import type { TAppDeps } from '../http/env.js';

/**
 * Replaces the roster. A member it removes while an iteration is open loses their frozen
 * disclosure segment of that iteration: answers read that item only, so they can no longer
 * answer (ADR 0021). Done after the roster switched; a crash in between leaves them able to
 * answer until the next import that removes them (known, rare).
 */
export async function importRoster(
  deps: Pick<TAppDeps, 'directory' | 'iterations' | 'disclosure' | 'now'>,
  members: readonly TMember[],
): Promise<void> {
  const before = await deps.directory.members();
  await deps.directory.replace(members, deps.now());
  const kept = new Set(members.map((member) => member.email.toLowerCase()));
  const removed = before
    .map((member) => member.email.toLowerCase())
    .filter((email) => !kept.has(email));
  if (removed.length === 0) return;
  const openId = await deps.iterations.openIterationId();
  const open = openId === null ? null : await deps.iterations.get(openId);
  if (!open?.disclosureFreeze) return;
  await deps.disclosure.forget(
    { iterationId: open.iteration.id, freeze: open.disclosureFreeze },
    removed,
  );
}
