import {
  chunkCountOf,
  chunkLengthOf,
  DomainError,
  firstOutOfOrder,
  needsRemovalConfirmation,
  ROSTER_CHUNK_SIZE,
  sumOfHeadcounts,
  type TMember,
  type TFieldErrors,
  type TRosterImport,
  type TRosterRemoval,
} from '@boucle/shared';
import { createHash } from 'node:crypto';
import type { TAppDeps } from '../http/env.js';
import { retentionCutoff } from '../repositories/directory.js';
import { importIdOf, type TStoredImport } from '../repositories/roster-imports.js';

type TDeps = Pick<TAppDeps, 'directory' | 'rosterImports' | 'iterations' | 'disclosure' | 'now'>;

/** Members checked, or items deleted, per completing call: the next call continues. */
export const FOLLOW_UP_BUDGET = 2_500;
/** An import not completed within a day is abandoned: the next one forgets its members. */
const ABANDONED_AFTER_MS = 24 * 3600 * 1000;

export async function startRosterImport(deps: TDeps, members: number): Promise<TRosterImport> {
  const now = deps.now();
  const id = importIdOf(now);
  const current = await deps.directory.current();
  const job: TStoredImport = {
    id,
    version: `${now.toISOString()}-${id}`,
    state: 'staging',
    members,
    chunkSize: ROSTER_CHUNK_SIZE,
    chunks: chunkCountOf(members),
    createdAt: now.toISOString(),
    against: current?.version ?? null,
    currentTotal: current?.headcount.total ?? 0,
    received: {},
  };
  await deps.rosterImports.start(job);
  return viewOf(job);
}

export async function rosterImport(deps: TDeps, id: string): Promise<TRosterImport> {
  return viewOf(await found(deps, id));
}

/** Stages chunk `n`: the client sends the roster by email, each chunk full but the last. */
export async function stageChunk(
  deps: TDeps,
  id: string,
  n: number,
  members: readonly TMember[],
): Promise<TRosterImport> {
  const job = await staging(deps, id);
  if (n > job.chunks) {
    throw new DomainError('invalid_input', `This import has ${job.chunks} chunks`, {
      n: `must be from 1 to ${job.chunks}`,
    });
  }
  const expected = chunkLengthOf(n, job.members, job.chunkSize);
  if (members.length !== expected) {
    throw new DomainError('invalid_input', `Chunk ${n} holds ${expected} members`, {
      members: `must hold ${expected} members`,
    });
  }
  const unordered = firstOutOfOrder(members);
  if (unordered !== -1) {
    throw new DomainError('invalid_input', 'Members are sent by email, each once', {
      [`members.${unordered}.email`]:
        'must come after the previous email: sort by email, no duplicate',
    });
  }
  const first = members[0]?.email ?? '';
  const last = members[members.length - 1]?.email ?? '';
  const chunk = { first, last, count: members.length, digest: digestOf(members) };
  const before = job.received[String(n - 1)];
  const after = job.received[String(n + 1)];
  const conflict: TFieldErrors | null =
    before && !(before.last < first)
      ? { 'members.0.email': `must come after the last email of chunk ${n - 1}` }
      : after && !(last < after.first)
        ? { [`members.${members.length - 1}.email`]: `must come before chunk ${n + 1}` }
        : job.received[String(n)] && job.received[String(n)]?.digest !== chunk.digest
          ? { members: `chunk ${n} was received before with other members` }
          : null;
  if (conflict) {
    throw new DomainError(
      'roster_import_conflict',
      `Chunk ${n} overlaps the roster sent`,
      conflict,
    );
  }
  // Sent again once written (its answer was lost): nothing to do.
  if (job.received[String(n)]?.written) return viewOf(job);
  await deps.rosterImports.stage(job, n, members, chunk);
  return viewOf({
    ...job,
    received: { ...job.received, [String(n)]: { ...chunk, written: true } },
  });
}

/**
 * Switches the directory to the staged roster once every chunk is in (shrink guard as any
 * import), then forgets removed members' frozen segments and expired versions, a bounded
 * number per call: while the answer says `switched`, the caller calls again.
 */
export async function completeRosterImport(
  deps: TDeps,
  id: string,
  removalConfirmed: boolean,
): Promise<TRosterImport> {
  let job = await found(deps, id);
  if (job.state === 'completed') {
    throw new DomainError('roster_import_conflict', 'This import is already completed', {
      id: 'already completed',
    });
  }
  if (job.state === 'staging') job = await switchTo(deps, job, removalConfirmed);
  return viewOf(await followUp(deps, job));
}

async function switchTo(
  deps: TDeps,
  job: TStoredImport,
  removalConfirmed: boolean,
): Promise<TStoredImport> {
  const missing = Array.from({ length: job.chunks }, (_, index) => index + 1).filter(
    (n) => !job.received[String(n)]?.written,
  );
  if (missing.length > 0) {
    throw new DomainError('roster_import_conflict', `${missing.length} chunk(s) missing`, {
      chunks: `missing ${missing.slice(0, 20).join(', ')}${missing.length > 20 ? '…' : ''}`,
    });
  }
  const current = await deps.directory.current();
  if ((current?.version ?? null) !== job.against) {
    throw new DomainError(
      'directory_changed',
      'Another roster import finished since this one started: import the file again',
    );
  }
  // Chunks cannot overlap: the members kept are the sum of each chunk's.
  const kept = Object.values(job.received).reduce((sum, chunk) => sum + (chunk.kept ?? 0), 0);
  refuseUnconfirmedShrink(
    { removed: job.currentTotal - kept, current: job.currentTotal },
    removalConfirmed,
  );
  const headcount = sumOfHeadcounts(await deps.rosterImports.chunkHeadcounts(job.id));
  await deps.rosterImports.switch(job, headcount, deps.now());
  return { ...job, state: 'switched', forgottenUpTo: '' };
}

/** What follows a switch, resumable: each step is idempotent or recorded as it goes. */
async function followUp(deps: TDeps, job: TStoredImport): Promise<TStoredImport> {
  let budget = FOLLOW_UP_BUDGET;
  if (!(await forgetRemovedSegments(deps, job))) return job;
  const now = deps.now();
  budget -= await deps.directory.forgetSupersededBefore(retentionCutoff(now), budget);
  if (budget <= 0) return job;
  budget -= await deps.rosterImports.forgetStartedBefore(
    new Date(now.getTime() - ABANDONED_AFTER_MS),
    budget,
  );
  if (budget <= 0) return job;
  await deps.rosterImports.note(job.id, { state: 'completed' });
  return { ...job, state: 'completed' };
}

/**
 * Members the import removed lose their frozen segment of the open iteration: an answer reads
 * that item only, so they can no longer answer (ADR 0021). A slice of the replaced roster per
 * call, from where the last call stopped. Whether all are done.
 */
async function forgetRemovedSegments(deps: TDeps, job: TStoredImport): Promise<boolean> {
  if (!job.against) return true;
  const openId = await deps.iterations.openIterationId();
  const open = openId === null ? null : await deps.iterations.get(openId);
  if (!open?.disclosureFreeze) return true;
  const slice = await deps.rosterImports.removedSlice(
    job.against,
    job.version,
    job.forgottenUpTo ?? '',
    FOLLOW_UP_BUDGET,
  );
  await deps.disclosure.forget(
    { iterationId: open.iteration.id, freeze: open.disclosureFreeze },
    slice.removed,
  );
  if (!slice.done) await deps.rosterImports.note(job.id, { forgottenUpTo: slice.last });
  return slice.done;
}

/**
 * Above a fifth of today's members removed, an import completes only once confirmed (ADR 24):
 * the numbers, for the page to ask with.
 */
function refuseUnconfirmedShrink(removal: TRosterRemoval, removalConfirmed: boolean): void {
  if (!needsRemovalConfirmation(removal) || removalConfirmed) return;
  throw new DomainError(
    'roster_shrinks',
    `This file removes ${removal.removed} of the ${removal.current} members; nothing was imported`,
    {
      confirmRemoval: `removes ${removal.removed} of ${removal.current} members: send again with confirmRemoval=true to import it`,
    },
  );
}

async function found(deps: TDeps, id: string): Promise<TStoredImport> {
  const job = await deps.rosterImports.get(id);
  if (!job) throw new DomainError('not_found', 'No such roster import', { id: 'unknown import' });
  return job;
}

async function staging(deps: TDeps, id: string): Promise<TStoredImport> {
  const job = await found(deps, id);
  if (job.state !== 'staging') {
    throw new DomainError('roster_import_conflict', `This import is ${job.state}`, {
      id: `${job.state}: start a new import to send another roster`,
    });
  }
  return job;
}

/** Tells a chunk sent again from one sent changed (same keys, other members). */
function digestOf(members: readonly TMember[]): string {
  return createHash('sha256').update(JSON.stringify(members)).digest('hex').slice(0, 32);
}

function viewOf(job: TStoredImport): TRosterImport {
  return {
    id: job.id,
    state: job.state,
    members: job.members,
    chunkSize: job.chunkSize,
    chunks: job.chunks,
    chunksReceived: Object.values(job.received).filter((chunk) => chunk.written).length,
  };
}
