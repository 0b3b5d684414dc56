import { toCsv, type TCsvCell } from './csv.js';
import type { TInvolvement, TInvolvementFigures } from './involvement.js';

const HEADER = [
  'iteration',
  'dimension',
  'group',
  'members',
  'contributors',
  'ideas',
  'votes',
  'comments',
  'withheld',
];

const cells = (figures: TInvolvementFigures | null): TCsvCell[] =>
  figures
    ? [figures.members, figures.contributors, figures.ideas, figures.votes, figures.comments, 'no']
    : [null, null, null, null, null, 'yes'];

/** Involvement as CSV: the overall line of each iteration, then its groups, as the route shows. */
export function involvementCsv(involvement: TInvolvement): string {
  const rows = involvement.iterations.flatMap((iteration): TCsvCell[][] => [
    [iteration.name, null, null, ...cells(iteration.figures)],
    ...iteration.groups.map((group): TCsvCell[] => [
      iteration.name,
      involvement.by,
      group.key,
      ...cells(group.figures),
    ]),
  ]);
  return toCsv(HEADER, rows);
}
