import type { TQuestion, TResults, TTrendChange, TTrendSeries } from '@boucle/shared';

/** What a headline figure measures, which sets how it is written and its difference's unit. */
export type THeadlineKind = 'participation' | 'scale' | 'enps';

/** One headline figure of the review: this iteration's, the previous one's, and the change. */
export type THeadline = {
  kind: THeadlineKind;
  /** The question; null for participation. */
  question: TQuestion | null;
  current: number | null;
  previous: number | null;
  /** current − previous, in the figure's unit (points of share for participation). */
  difference: number | null;
  /** The trends' test of that change (p-value and verdict); null when none was made. */
  change: TTrendChange | null;
};

const figureOf = (results: TResults | null, question: TQuestion): number | null => {
  const result = results?.questions.find((each) => each.questionId === question.id);
  if (!result || result.withheld) return null;
  return question.type === 'scale' ? result.mean : result.enps;
};

const headline = (
  kind: THeadlineKind,
  question: TQuestion | null,
  current: number | null,
  previous: number | null,
): THeadline => ({
  kind,
  question,
  current,
  previous,
  difference: current !== null && previous !== null ? current - previous : null,
  change: null,
});

/** The trends' series a headline figure is read from. */
const seriesKeyOf = (figure: THeadline): string =>
  figure.question
    ? `${figure.kind === 'scale' ? 'mean' : 'enps'}:${figure.question.id}`
    : 'participation';

/**
 * Participation, each scale mean and the eNPS of the iteration beside the previous iteration's.
 * A tracked question keeps its id from one iteration to the next, so the figures line up by id;
 * a question the previous pulse did not ask has no previous figure.
 */
export function headlines(
  questions: readonly TQuestion[],
  current: TResults,
  previous: TResults | null,
  trends: readonly TTrendSeries[] = [],
): THeadline[] {
  const participation = headline(
    'participation',
    null,
    current.participation,
    previous?.participation ?? null,
  );
  const scored = questions.flatMap((question) =>
    question.type === 'scale' || question.type === 'enps'
      ? [
          headline(
            question.type,
            question,
            figureOf(current, question),
            figureOf(previous, question),
          ),
        ]
      : [],
  );
  // The test of each change, when the trends made one between exactly these two iterations.
  return [participation, ...scored].map((figure) => ({
    ...figure,
    change:
      trends
        .find((series) => series.key === seriesKeyOf(figure))
        ?.changes.find(
          (change) =>
            change?.toIterationId === current.iterationId &&
            change.fromIterationId === previous?.iterationId,
        ) ?? null,
  }));
}

/** A figure as the review writes it: "72 %", "3.85", "+12". */
export function formatFigure(kind: THeadlineKind, value: number | null): string {
  if (value === null) return '—';
  if (kind === 'participation') return `${Math.round(value * 100)} %`;
  // The typographic minus, as in the differences, so "−12" and "+12" line up.
  return value.toFixed(kind === 'scale' ? 2 : 0).replace(/^-/, '−');
}

/** A change with its sign always written, so colour is never the only cue: "+4 pts", "−0.12". */
export function formatDifference(kind: THeadlineKind, value: number | null): string {
  if (value === null) return '—';
  const size =
    kind === 'participation'
      ? `${Math.abs(Math.round(value * 100))} pts`
      : Math.abs(value).toFixed(kind === 'scale' ? 2 : 0);
  if (/^[0.]+( pts)?$/.test(size)) return `±${size}`;
  return `${value > 0 ? '+' : '−'}${size}`;
}

/**
 * Gaps that count as small, clear and large, per unit: a tenth of a point on a 1–5 mean weighs
 * about what 5 eNPS points or 3 points of participation do.
 */
const GAP_STEPS: Record<THeadlineKind, readonly [number, number, number]> = {
  participation: [0.03, 0.08, 0.15],
  scale: [0.1, 0.25, 0.5],
  enps: [5, 10, 20],
};

/** How strongly a heatmap cell is coloured: −3 (far below overall) to +3 (far above). */
export function gapLevel(kind: THeadlineKind, gap: number): number {
  const steps = GAP_STEPS[kind].filter((step) => Math.abs(gap) >= step).length;
  return Math.sign(gap) * steps;
}
