import { toCsv } from './csv.js';
import type { TQuestionResult, TResults } from './results.js';

const HEADER = [
  'iteration',
  'release',
  'dimension',
  'group',
  'members',
  'respondents',
  'participation',
  'question',
  'answered',
  'mean',
  'enps',
  'low',
  'high',
  'withheld',
];

/**
 * The results table as CSV: one line per group (overall first) and question, with exactly the
 * figures the results route returns — withheld cells stay empty, so an export shows no more than
 * the screen. An ambassador's export is one group: their team's.
 */
export function resultsCsv(results: TResults): string {
  const release = results.release?.number ?? null;
  const lines = (
    dimension: string,
    group: string,
    members: number,
    respondents: number | null,
    participation: number | null,
    questions: TQuestionResult[],
  ) =>
    questions.map((question) => [
      results.iterationId,
      release,
      dimension,
      group,
      members,
      respondents,
      participation,
      question.questionId,
      question.answered,
      question.mean,
      question.enps,
      question.interval?.low,
      question.interval?.high,
      question.withheld,
    ]);
  // An ambassador's figures are their team's group: the lines say so, never "overall".
  const [dimension, group] = results.scope
    ? [results.scope.dimension, results.scope.value ?? '']
    : ['overall', 'overall'];
  const rows = [
    ...lines(
      dimension,
      group,
      results.members,
      results.respondents,
      results.participation,
      results.questions,
    ),
    ...results.groups.flatMap((group) =>
      lines(
        results.by ?? '',
        group.value,
        group.members,
        group.respondents,
        group.participation,
        group.questions,
      ),
    ),
  ];
  return toCsv(HEADER, rows);
}
