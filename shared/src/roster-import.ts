import * as z from 'zod';
import { decimalParameter } from './decimal.js';
import { ZMember, type TMember } from './member.js';
import { MAX_ROSTER_ROWS } from './roster.js';
import { headcountOf, type THeadcount } from './segment.js';

/**
 * A roster sent in chunks (ADR 0025): each request stays far below the function's 10 s and 6 MB
 * whatever the roster's size, and the directory switches once, when the import completes.
 */
export const ROSTER_CHUNK_SIZE = 1_000;
export const MAX_ROSTER_CHUNKS = Math.ceil(MAX_ROSTER_ROWS / ROSTER_CHUNK_SIZE);

export const ZRosterImportId = z
  .string()
  .max(24)
  .regex(/^[0-9a-z]{8,24}$/, 'must be an import id');

export const ZRosterImportInput = z
  .object({ members: z.number().int().min(1).max(MAX_ROSTER_ROWS) })
  .meta({ id: 'RosterImportInput' });

/**
 * `staging`: chunks are received; `switched`: the directory is the new roster, what follows
 * (forgetting leavers' segments, old versions) may still be under way; `completed`: all done.
 */
export const ZRosterImportState = z.enum(['staging', 'switched', 'completed']);
export type TRosterImportState = z.infer<typeof ZRosterImportState>;

export const ZRosterImport = z
  .object({
    id: ZRosterImportId,
    state: ZRosterImportState,
    members: z.number().int(),
    chunkSize: z.number().int(),
    chunks: z.number().int(),
    chunksReceived: z.number().int(),
  })
  .meta({ id: 'RosterImport' });
export type TRosterImport = z.infer<typeof ZRosterImport>;

export const ZRosterChunkParams = z.object({
  id: ZRosterImportId,
  n: decimalParameter(1, MAX_ROSTER_CHUNKS),
});

export const ZRosterChunkInput = z
  .object({ members: z.array(ZMember).min(1).max(ROSTER_CHUNK_SIZE) })
  .meta({ id: 'RosterChunkInput' });

export function chunkCountOf(members: number, chunkSize = ROSTER_CHUNK_SIZE): number {
  return Math.ceil(members / chunkSize);
}

/** How many members chunk `n` (from 1) holds: every chunk is full but the last. */
export function chunkLengthOf(n: number, members: number, chunkSize = ROSTER_CHUNK_SIZE): number {
  return Math.max(0, Math.min(chunkSize, members - (n - 1) * chunkSize));
}

/**
 * The roster as the import sends it: by email, cut in full chunks. Email order makes a member
 * in two chunks impossible, which the API checks with each chunk's first and last email only.
 */
export function rosterChunks(
  members: readonly TMember[],
  chunkSize = ROSTER_CHUNK_SIZE,
): TMember[][] {
  const sorted = [...members].sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
  const chunks: TMember[][] = [];
  for (let start = 0; start < sorted.length; start += chunkSize) {
    chunks.push(sorted.slice(start, start + chunkSize));
  }
  return chunks;
}

/** The index of the first member not after its predecessor by email, or -1 if all are. */
export function firstOutOfOrder(members: readonly Pick<TMember, 'email'>[]): number {
  return members.findIndex(
    (member, index) => index > 0 && !(member.email > (members[index - 1]?.email ?? '')),
  );
}

/** The headcount of a roster from its chunks' headcounts. */
export function sumOfHeadcounts(parts: readonly THeadcount[]): THeadcount {
  const sum = headcountOf([]);
  for (const part of parts) {
    sum.total += part.total;
    for (const [dimension, counts] of Object.entries(part.byDimension)) {
      const into = (sum.byDimension[dimension as keyof THeadcount['byDimension']] ??= {});
      for (const [value, count] of Object.entries(counts)) into[value] = (into[value] ?? 0) + count;
    }
  }
  return sum;
}
