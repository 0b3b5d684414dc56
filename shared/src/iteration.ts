import * as z from 'zod';
import { ZAdoptionInput } from './adoption.js';
import { ZHeadcount, ZSegmentDimension } from './segment.js';

export const ZIterationStatus = z
  .enum(['draft', 'open', 'closed', 'reviewed'])
  .meta({ id: 'IterationStatus' });
export type TIterationStatus = z.infer<typeof ZIterationStatus>;

export const ZIterationAction = z.enum(['open', 'close', 'review']).meta({ id: 'IterationAction' });
export type TIterationAction = z.infer<typeof ZIterationAction>;

const ZDay = z.iso.date().max(10);

/**
 * The order in which rare segment values are pooled when the iteration opens: the first
 * dimension is pooled first. Every dimension exactly once.
 */
export const ZPoolingOrder = z
  .array(ZSegmentDimension)
  .length(ZSegmentDimension.options.length)
  .refine((order) => new Set(order).size === order.length, {
    message: `must name each of ${ZSegmentDimension.options.join(', ')} once`,
  })
  .meta({
    id: 'PoolingOrder',
    description: 'Each segment dimension exactly once; rare values of the first are pooled first.',
  });
export type TPoolingOrder = z.infer<typeof ZPoolingOrder>;

export const ZIterationInput = z
  .object({
    name: z.string().trim().min(1).max(120),
    startDate: ZDay,
    endDate: ZDay,
    goals: z.array(z.string().trim().min(1).max(300)).max(10),
    /** How disclosure segments pool rare values when it opens; the default order if left out. */
    poolingOrder: ZPoolingOrder.optional(),
  })
  .refine((iteration) => iteration.startDate <= iteration.endDate, {
    message: 'must not be before startDate',
    path: ['endDate'],
  })
  .meta({ id: 'IterationInput' });
export type TIterationInput = z.infer<typeof ZIterationInput>;

export const ZIteration = z
  .object({
    id: z.number().int().positive(),
    name: z.string(),
    startDate: ZDay,
    endDate: ZDay,
    goals: z.array(z.string()),
    /** The pooling order asked for at creation; once open, the one its segments were frozen with. */
    poolingOrder: ZPoolingOrder.optional(),
    status: ZIterationStatus,
    pulseId: z.string().nullable(),
    /**
     * Members per disclosure value, frozen when the iteration opens (pooled values are groups of
     * their own): participation keeps its denominator.
     */
    headcount: ZHeadcount.nullable(),
    openedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    /** The social network's adoption figures for the iteration, once the steering group gave them. */
    adoption: ZAdoptionInput.optional(),
  })
  .meta({ id: 'Iteration' });
export type TIteration = z.infer<typeof ZIteration>;

const transitions: Record<TIterationAction, { from: TIterationStatus; to: TIterationStatus }> = {
  open: { from: 'draft', to: 'open' },
  close: { from: 'open', to: 'closed' },
  review: { from: 'closed', to: 'reviewed' },
};

export type TTransitionCheck =
  { ok: true; from: TIterationStatus; to: TIterationStatus } | { ok: false; reason: string };

/** The lifecycle draft → open → closed → reviewed; one iteration open at a time. */
export function checkTransition(
  iteration: Pick<TIteration, 'id' | 'status' | 'pulseId'>,
  action: TIterationAction,
  openIterationId: number | null,
): TTransitionCheck {
  const { from, to } = transitions[action];
  if (iteration.status !== from) {
    return { ok: false, reason: `iteration ${iteration.id} is ${iteration.status}, not ${from}` };
  }
  if (action === 'open') {
    if (iteration.pulseId === null) {
      return { ok: false, reason: `iteration ${iteration.id} has no pulse yet` };
    }
    if (openIterationId !== null) {
      return { ok: false, reason: `iteration ${openIterationId} is already open` };
    }
  }
  return { ok: true, from, to };
}

/** The lifecycle steps an iteration may take now: what the steering pages offer. */
export function allowedActions(
  iteration: Pick<TIteration, 'id' | 'status' | 'pulseId'>,
  openIterationId: number | null,
): TIterationAction[] {
  return ZIterationAction.options.filter(
    (action) => checkTransition(iteration, action, openIterationId).ok,
  );
}
