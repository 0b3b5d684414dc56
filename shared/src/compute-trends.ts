import { adoptionRatios } from './adoption.js';
import { compareGroups } from './group-order.js';
import type { TIteration } from './iteration.js';
import type { TPulse, TQuestion } from './pulse.js';
import type { TGroupResult, TQuestionResult, TResults } from './results.js';
import type { TSegmentDimension } from './segment.js';
import { POOLED } from './pooled.js';
import { enpsChangeTest } from './statistics/enps-change.js';
import { proportionChangeTest } from './statistics/proportion-change.js';
import type { TChangeTest } from './statistics/verdict.js';
import { welchTest } from './statistics/welch.js';
import { wilsonInterval } from './statistics/wilson.js';
import type {
  TTrendChange,
  TTrendKind,
  TTrendPoint,
  TTrendQuestion,
  TTrends,
  TTrendSeries,
  TTrendsScope,
} from './trends.js';

export type TTrendsInput = {
  k: number;
  by: TSegmentDimension | null;
  /** An ambassador's team per iteration (then `results` are already `ambassadorResults`). */
  scope: TTrendsScope | null;
  /** Every opened iteration, oldest first, with its pulse and its results as released and gated. */
  iterations: readonly { iteration: TIteration; pulse: TPulse; results: TResults }[];
};

type TSeriesKey = Pick<TTrendSeries, 'key' | 'kind' | 'questionId' | 'optionId'>;

/** What one iteration shows of the population a series is about; null when it was not there. */
type TView = Pick<TGroupResult, 'withheld' | 'members' | 'respondents' | 'questions'> | null;

/** What a test of change needs beside the point: a count out of n, or the answers per value. */
type TSample = { count: number; n: number } | ReadonlyMap<number, number>;

type TFigure = { point: TTrendPoint; sample: TSample | null };

/**
 * Every opened iteration side by side, from the figures `computeResults` released and gated
 * (so nothing here can show what a results page could not): participation with a Wilson
 * interval, each tracked question's mean, eNPS or option shares with their intervals, and the
 * change between consecutive iterations with its test. A withheld or missing figure is a null
 * point, and no change is computed across it: a change skipping an iteration would compare
 * populations the reader cannot see side by side.
 */
export function computeTrends(input: TTrendsInput): TTrends {
  const entries = input.iterations;
  const questions = trendQuestions(entries.map((entry) => entry.pulse));
  const keys = seriesKeys(questions);
  const teams = input.scope?.teams;
  // An ambassador whose frozen team changed between two iterations compares two different groups.
  const sameTeam = (before: number, after: number) =>
    !teams || teams[before]?.value === teams[after]?.value;
  // An open iteration's participation still grows: against a closed one's, a fall is no news.
  const finalFigure = (key: TSeriesKey, index: number) =>
    key.kind !== 'participation' || entries[index]?.iteration.status !== 'open';
  const overall = keys.map((key) =>
    seriesOf(
      key,
      entries.map(({ iteration, results }) => ({ iterationId: iteration.id, view: results })),
      (before, after) => sameTeam(before, after) && finalFigure(key, after),
    ),
  );
  const values = [
    ...new Set(entries.flatMap(({ results }) => results.groups.map((group) => group.value))),
  ].sort(input.by ? compareGroups(input.by) : undefined);
  const groups = values.map((value) => ({
    value,
    pooled: value === POOLED,
    series: keys.map((key) =>
      seriesOf(
        key,
        entries.map(({ iteration, results }) => ({
          iterationId: iteration.id,
          // Groups are not computed when the whole iteration is withheld: so is every group.
          view: results.withheld
            ? WITHHELD
            : (results.groups.find((group) => group.value === value) ?? null),
        })),
        (_before, after) => finalFigure(key, after),
      ),
    ),
  }));
  return {
    k: input.k,
    iterations: entries.map(({ iteration, results }) => ({
      id: iteration.id,
      name: iteration.name,
      goals: iteration.goals,
      startDate: iteration.startDate,
      endDate: iteration.endDate,
      status: iteration.status,
      release: results.release,
    })),
    questions,
    overall,
    by: input.by,
    groups,
    scope: input.scope,
    adoption: entries.map(({ iteration }) => ({
      iterationId: iteration.id,
      figures: iteration.adoption ?? null,
      ratios: iteration.adoption ? adoptionRatios(iteration.adoption) : null,
    })),
  };
}

const WITHHELD: TView = { withheld: true, members: 0, respondents: null, questions: [] };

/** Tracked questions worded as their latest pulse has them, latest pulse's order first. */
function trendQuestions(pulses: readonly TPulse[]): TTrendQuestion[] {
  const byId = new Map<string, TTrendQuestion>();
  for (const pulse of [...pulses].reverse()) {
    for (const question of pulse.questions) {
      if (question.type === 'text' || byId.has(question.id)) continue;
      byId.set(question.id, {
        id: question.id,
        type: question.type,
        label: question.label,
        options: 'options' in question ? question.options : [],
      });
    }
  }
  return [...byId.values()];
}

function seriesKeys(questions: readonly TTrendQuestion[]): TSeriesKey[] {
  const participation = { key: 'participation', kind: 'participation' as const };
  return [
    { ...participation, questionId: null, optionId: null },
    ...questions.flatMap((question): TSeriesKey[] => {
      if (question.type === 'scale' || question.type === 'enps') {
        const kind = question.type === 'scale' ? 'mean' : 'enps';
        return [{ key: `${kind}:${question.id}`, kind, questionId: question.id, optionId: null }];
      }
      return question.options.map((option) => ({
        key: `share:${question.id}:${option.id}`,
        kind: 'share' as const,
        questionId: question.id,
        optionId: option.id,
      }));
    }),
  ];
}

function seriesOf(
  key: TSeriesKey,
  views: readonly { iterationId: number; view: TView }[],
  comparable: (before: number, after: number) => boolean,
): TTrendSeries {
  const figures = views.map(({ iterationId, view }) => figureOf(key, iterationId, view));
  return {
    ...key,
    points: figures.map((figure) => figure.point),
    changes: figures.map((after, i) => {
      const before = figures[i - 1];
      if (!before?.sample || !after.sample || !comparable(i - 1, i)) return null;
      const test = changeTest(key.kind, before.sample, after.sample);
      return test && changeOf(before.point, after.point, test);
    }),
  };
}

function changeOf(before: TTrendPoint, after: TTrendPoint, test: TChangeTest): TTrendChange {
  return {
    fromIterationId: before.iterationId,
    toIterationId: after.iterationId,
    estimate: test.estimate,
    pValue: test.pValue,
    verdict: test.verdict,
  };
}

function changeTest(kind: TTrendKind, before: TSample, after: TSample): TChangeTest | null {
  if ('count' in before && 'count' in after) {
    return proportionChangeTest(before.count, before.n, after.count, after.n);
  }
  if (before instanceof Map && after instanceof Map) {
    return kind === 'mean' ? welchTest(before, after) : enpsChangeTest(before, after);
  }
  return null;
}

function figureOf(key: TSeriesKey, iterationId: number, view: TView): TFigure {
  // Not asked (or not a group) then: a gap, not a secret.
  const absent: TFigure = {
    point: { iterationId, value: null, interval: null, n: null, withheld: false },
    sample: null,
  };
  const withheld: TFigure = { point: { ...absent.point, withheld: true }, sample: null };
  if (view === null) return absent;
  if (view.withheld) return withheld;
  if (key.kind === 'participation') {
    if (view.respondents === null) return withheld;
    return proportionFigure(iterationId, view.respondents, view.members);
  }
  const question = view.questions.find((q) => q.questionId === key.questionId);
  if (!question || !asksFor(question, key.kind)) return absent;
  if (question.withheld || question.answered === null) return withheld;
  if (key.kind === 'share') {
    const bucket = question.distribution.find((b) => b.value === key.optionId);
    if (!bucket) return absent;
    return proportionFigure(iterationId, bucket.count, question.answered);
  }
  const value = key.kind === 'mean' ? question.mean : question.enps;
  if (value === null) return absent;
  return {
    point: {
      iterationId,
      value,
      interval: question.interval,
      n: question.answered,
      withheld: false,
    },
    sample: new Map(question.distribution.map((b) => [Number(b.value), b.count])),
  };
}

function asksFor(question: TQuestionResult, kind: TTrendKind): boolean {
  const kindOf: Record<TQuestion['type'], TTrendKind | null> = {
    scale: 'mean',
    enps: 'enps',
    single: 'share',
    multiple: 'share',
    text: null,
  };
  return kindOf[question.type] === kind;
}

function proportionFigure(iterationId: number, count: number, n: number): TFigure {
  return {
    point: {
      iterationId,
      value: n > 0 ? count / n : null,
      interval: wilsonInterval(count, n),
      n,
      withheld: false,
    },
    sample: n > 0 ? { count, n } : null,
  };
}
