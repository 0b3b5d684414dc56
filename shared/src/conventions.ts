import * as z from 'zod';
import { ZIdeaId } from './ideas/index.js';
import { MAX_ITERATION_ID } from './decimal.js';

/**
 * The register of usage conventions: rules of use of the social network the steering group
 * adopts, often from an idea of category `usage-convention`. A revision never erases the text
 * it replaces; `version` is the revision a change was made from (409 when someone revised first).
 */

/** A register of this size fits one item per convention with its whole history (400 KB). */
export const MAX_CONVENTION_REVISIONS = 40;

const ZTitle = z.string().trim().min(1).max(120);
const ZText = z.string().trim().min(1).max(2000);

export const ZConventionId = z
  .string()
  .max(24)
  .regex(/^[0-9a-z]{8,24}$/)
  .meta({ id: 'ConventionId' });

export const ZConventionInput = z
  .object({
    title: ZTitle,
    text: ZText,
    iterationId: z.number().int().positive().max(MAX_ITERATION_ID),
    /** The idea it comes from, of category `usage-convention`. */
    ideaId: ZIdeaId.optional(),
  })
  .meta({ id: 'ConventionInput' });
export type TConventionInput = z.infer<typeof ZConventionInput>;

export const ZConventionRevisionInput = z
  .object({
    title: ZTitle,
    text: ZText,
    /** The revision the change was written from. */
    version: z.number().int().positive(),
  })
  .meta({ id: 'ConventionRevisionInput' });
export type TConventionRevisionInput = z.infer<typeof ZConventionRevisionInput>;

export const ZConventionRevision = z
  .object({
    revision: z.number().int().positive(),
    at: z.string(),
    title: z.string(),
    text: z.string(),
  })
  .meta({ id: 'ConventionRevision' });
export type TConventionRevision = z.infer<typeof ZConventionRevision>;

export const ZConvention = z
  .object({
    id: ZConventionId,
    title: z.string(),
    text: z.string(),
    /** The current revision: send it back as `version` to revise. */
    version: z.number().int().positive(),
    adoptedIn: z.object({ id: z.number().int().positive(), name: z.string() }),
    /** The idea it was adopted from, with its title as it was then. */
    idea: z.object({ id: ZIdeaId, title: z.string() }).nullable(),
    /** Every revision, the current one first. */
    revisions: z.array(ZConventionRevision),
  })
  .meta({ id: 'Convention' });
export type TConvention = z.infer<typeof ZConvention>;

export const ZConventionList = z
  .object({ conventions: z.array(ZConvention) })
  .meta({ id: 'ConventionList' });
export type TConventionList = z.infer<typeof ZConventionList>;

/** The register's order: by iteration adopted in, then title, so it reads like a history. */
export function registerOrder(conventions: readonly TConvention[]): TConvention[] {
  return [...conventions].sort(
    (a, b) => a.adoptedIn.id - b.adoptedIn.id || a.title.localeCompare(b.title),
  );
}
