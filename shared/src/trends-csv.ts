import { toCsv, type TCsvCell } from './csv.js';
import type { TTrends, TTrendSeries } from './trends.js';

const HEADER = [
  'dimension',
  'group',
  'series',
  'kind',
  'question',
  'option',
  'iteration',
  'value',
  'low',
  'high',
  'n',
  'withheld',
  'change',
  'p_value',
  'verdict',
];

/**
 * The trends as CSV: one line per series × iteration × group (overall first), with exactly the
 * figures the trends route returns — withheld points stay empty cells. An ambassador's lines
 * name their team as frozen in each iteration.
 */
export function trendsCsv(trends: TTrends): string {
  const teamIn = new Map(trends.scope?.teams.map((team) => [team.iterationId, team.value]));
  const lines = (
    dimension: string,
    group: (iterationId: number) => string | null,
    series: readonly TTrendSeries[],
  ): TCsvCell[][] =>
    series.flatMap((one) =>
      one.points.map((point, i) => {
        const change = one.changes[i];
        return [
          dimension,
          group(point.iterationId),
          one.key,
          one.kind,
          one.questionId,
          one.optionId,
          point.iterationId,
          point.value,
          point.interval?.low,
          point.interval?.high,
          point.n,
          point.withheld,
          change?.estimate,
          change?.pValue,
          change?.verdict,
        ];
      }),
    );
  const rows = [
    ...(trends.scope
      ? lines('team', (id) => teamIn.get(id) ?? null, trends.overall)
      : lines('overall', () => 'overall', trends.overall)),
    ...trends.groups.flatMap((group) => lines(trends.by ?? '', () => group.value, group.series)),
  ];
  return toCsv(HEADER, rows);
}
