import type { TSegment } from '@boucle/shared';
import type { TAppDeps } from '../http/env.js';

/** The iteration ideas belong to now, and the member's segment frozen when it opened. */
export type TCallerSegment = { iterationId: number; open: boolean; segment: TSegment | null };

/**
 * Ideas belong to the open iteration, or the latest one between iterations (0 before any); the
 * segment is the open iteration's frozen one (three GetItems: the open marker, the iteration for
 * its freeze, the member's segment), null between iterations or for a member not in the
 * directory when it opened.
 */
export async function callerSegment(deps: TAppDeps, email: string): Promise<TCallerSegment> {
  const open = await deps.iterations.openIterationId();
  if (open === null)
    return { iterationId: await latestIterationId(deps), open: false, segment: null };
  const iteration = await deps.iterations.get(open);
  const freeze = iteration?.disclosureFreeze ?? null;
  const segment =
    freeze === null ? null : await deps.disclosure.segmentOf({ iterationId: open, freeze }, email);
  return { iterationId: open, open: true, segment };
}

async function latestIterationId(deps: TAppDeps): Promise<number> {
  return (await deps.iterations.list()).at(-1)?.id ?? 0;
}

/** The current iteration only, without the segment reads. */
export async function currentIterationId(deps: TAppDeps): Promise<number> {
  return (await deps.iterations.openIterationId()) ?? (await latestIterationId(deps));
}
