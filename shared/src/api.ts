import * as z from 'zod';
import { ZErrorCode } from './errors.js';
import { ZIteration, ZIterationAction } from './iteration.js';
import { ZPulse } from './pulse.js';
import { ZReceipt } from './response.js';

/** Every error the API returns has this shape; `fields` names what is wrong in the input. */
export const ZApiError = z
  .object({
    error: z.object({
      code: ZErrorCode,
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
    }),
  })
  .meta({ id: 'ApiError' });
export type TApiError = z.infer<typeof ZApiError>;

/** How the web app signs members in: the local demo list, or the company's hosted sign-in. */
export const ZAuthConfig = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('local') }),
  z.object({ mode: z.literal('cognito'), domain: z.string(), clientId: z.string() }),
]);
export type TAuthConfig = z.infer<typeof ZAuthConfig>;

export const ZDevLoginInput = z.object({ email: z.email().max(254) }).meta({ id: 'DevLoginInput' });
export const ZToken = z.object({ token: z.string() }).meta({ id: 'Token' });

/** What an employee sees of the open iteration: its pulse and, once answered, the receipt. */
export const ZCurrentPulse = z
  .object({
    iteration: ZIteration.pick({
      id: true,
      name: true,
      startDate: true,
      endDate: true,
      goals: true,
    }),
    pulse: ZPulse,
    receipt: ZReceipt.nullable(),
  })
  .meta({ id: 'CurrentPulse' });
export type TCurrentPulse = z.infer<typeof ZCurrentPulse>;

/** `confirmRemoval=true`: the steering member saw how many members the roster removes. */
export const ZRosterImportQuery = z.object({ confirmRemoval: z.enum(['true']).optional() });

/** An iteration as the steering pages list it, with the lifecycle steps it may take now. */
export const ZIterationSummary = ZIteration.extend({
  allowedActions: z.array(ZIterationAction),
}).meta({ id: 'IterationSummary' });
export type TIterationSummary = z.infer<typeof ZIterationSummary>;

export const ZIterationList = z
  .object({ iterations: z.array(ZIterationSummary) })
  .meta({ id: 'IterationList' });

/** One iteration and its pulse (null until the steering group sets it). */
export const ZIterationDetail = z
  .object({ iteration: ZIteration, pulse: ZPulse.nullable() })
  .meta({ id: 'IterationDetail' });
