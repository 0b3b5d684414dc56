import { toCsv } from './csv.js';
import type { TTrainingDemand, TTrainingNeedCount } from './training-demand.js';

const HEADER = [
  'iteration',
  'release',
  'training_level',
  'state',
  'members',
  'answered',
  'need',
  'count',
  'share',
];

/** Training level × need as CSV, the overall demand first; withheld cells stay empty. */
export function trainingDemandCsv(demand: TTrainingDemand): string {
  const release = demand.release?.number ?? null;
  const lines = (
    level: string,
    state: string,
    members: number | null,
    answered: number | null,
    needs: TTrainingNeedCount[],
  ) =>
    needs.map((need) => [
      demand.iterationId,
      release,
      level,
      state,
      members,
      answered,
      need.need,
      need.count,
      need.share,
    ]);
  return toCsv(HEADER, [
    ...lines(
      'overall',
      demand.overall.withheld ? 'withheld' : 'shown',
      null,
      demand.overall.answered,
      demand.overall.needs,
    ),
    ...demand.levels.flatMap((level) =>
      lines(level.level, level.state, level.members, level.answered, level.needs),
    ),
  ]);
}
