/**
 * Writes many responses to an open iteration's pulse straight into the table, as submissions
 * would have left them: each response under `RESPONSES#<pulseId>#<shard>` with a random sort
 * key, and the tally items `TALLY#<pulseId>#<group>#<shard>` / `<value>` holding the sums of
 * the counters the submissions' `ADD`s would have made (see repositories/responses.ts). Submitting
 * through the API runs at about a hundred answers a second here; this writes thousands.
 * Receipts are left out: no read of results touches them.
 */
import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { putInBatches } from '@boucle/functions/repositories/batch-write';
import type { IterationsRepository } from '@boucle/functions/repositories/iterations';
import {
  overallTallyKey,
  responsesPartition,
  tallyKey,
} from '@boucle/functions/repositories/responses';
import type { TTableRef } from '@boucle/functions/repositories/table';
import {
  addTallies,
  checkAnswers,
  dayCounter,
  DEFAULT_POOLING_ORDER,
  disclosureSegments,
  tallyOfResponse,
  ZSegmentDimension,
  type TAnswers,
  type TMember,
  type TSegment,
  type TTally,
} from '@boucle/shared';

export type TResponsesSeed = {
  iterationId: number;
  /** The directory the iteration opened with: segments are frozen from it, as opening did. */
  roster: readonly TMember[];
  respondents: readonly TMember[];
  answersOf: (member: TMember) => TAnswers;
  /** Days after the iteration's start date the answers are spread over. */
  days: number;
  shards: number;
  random: () => number;
};

/** Items written per slice; a few slices go at once, each 25 items per BatchWrite. */
const SLICE = 1000;
const PARALLEL_SLICES = 4;

export async function seedResponses(
  deps: { iterations: IterationsRepository; k: number },
  documents: DynamoDBDocumentClient,
  table: TTableRef,
  seed: TResponsesSeed,
): Promise<void> {
  const found = await deps.iterations.get(seed.iterationId);
  if (!found?.pulse || found.iteration.status !== 'open') {
    throw new Error(`iteration ${seed.iterationId} is not open with a pulse`);
  }
  const { iteration, pulse } = found;
  const segments = disclosureSegments(
    seed.roster,
    deps.k,
    iteration.poolingOrder ?? DEFAULT_POOLING_ORDER,
  );
  const shardTallies = new Map<string, { key: { pk: string; sk: string }; tally: TTally }>();
  const add = (key: { pk: string; sk: string }, tally: TTally) => {
    const id = `${key.pk}|${key.sk}`;
    shardTallies.set(id, { key, tally: addTallies(shardTallies.get(id)?.tally ?? {}, tally) });
  };
  const responses = seed.respondents.map((member) => {
    const segment: TSegment | undefined = segments.get(member.email.toLowerCase());
    if (!segment) throw new Error(`${member.email} is not in the roster`);
    const checked = checkAnswers(pulse, seed.answersOf(member));
    if (!checked.ok) throw new Error(`invalid answers: ${JSON.stringify(checked.fields)}`);
    const shard = Math.floor(seed.random() * seed.shards);
    const tally = tallyOfResponse(pulse, checked.answers);
    add(overallTallyKey(pulse.id, shard), {
      ...tally,
      [dayCounter(dayAfter(iteration.startDate, Math.floor(seed.random() * seed.days)))]: 1,
    });
    for (const dimension of ZSegmentDimension.options) {
      add(tallyKey(pulse.id, dimension, shard, segment[dimension]), tally);
    }
    return {
      pk: responsesPartition(pulse.id, shard),
      sk: randomUUID(),
      segment,
      answers: checked.answers,
    };
  });
  const slices: Record<string, unknown>[][] = [];
  for (let start = 0; start < responses.length; start += SLICE) {
    slices.push(responses.slice(start, start + SLICE));
  }
  for (let start = 0; start < slices.length; start += PARALLEL_SLICES) {
    await Promise.all(
      slices
        .slice(start, start + PARALLEL_SLICES)
        .map((slice) => putInBatches(documents, table, slice)),
    );
  }
  // Tallies last, as the sums of every response written above.
  await putInBatches(
    documents,
    table,
    [...shardTallies.values()].map(({ key, tally }) => ({ ...key, ...tally })),
  );
}

function dayAfter(startDate: string, days: number): string {
  const day = new Date(`${startDate}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}
