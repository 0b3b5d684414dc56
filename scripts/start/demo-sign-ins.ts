import type { TMember } from '@boucle/shared';
import type { TAppDeps } from '../../functions/src/http/env.js';
import { receiptOf } from '../../functions/src/services/pulses.js';

export type TDemoSignIns = {
  steering: TMember | undefined;
  /** An ambassador who is not steering: they read their own team's results and trends. */
  ambassador: TMember | undefined;
  /** Null when no iteration is open. */
  open: { id: number; name: string; canAnswer: TMember[] } | null;
};

/**
 * Whom to sign in as right now: a steering member, an ambassador, and up to `count` employees with no receipt
 * for the open pulse — whatever was answered since the seed, and whatever roster was imported.
 */
export async function demoSignIns(deps: TAppDeps, count: number): Promise<TDemoSignIns> {
  const members = await deps.directory.members();
  const steering = members.find((member) => member.role === 'steering');
  const ambassador = members.find((member) => member.ambassador && member.role === 'employee');
  const openId = await deps.iterations.openIterationId();
  const open = openId === null ? null : await deps.iterations.get(openId);
  if (!open?.pulse) return { steering, ambassador, open: null };
  const canAnswer: TMember[] = [];
  for (const member of members) {
    if (canAnswer.length === count) break;
    if (member.role !== 'employee') continue;
    if (!(await receiptOf(deps, member.email, open.pulse.id))) canAnswer.push(member);
  }
  return {
    steering,
    ambassador,
    open: { id: open.iteration.id, name: open.iteration.name, canAnswer },
  };
}
