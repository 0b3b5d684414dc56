import { ZSegmentDimension, type TResults } from '@boucle/shared';

/**
 * What an attacker can subtract between two reads: for each view, the respondents overall and
 * per group shown. A difference of k respondents or more is an aggregate over people the
 * attacker cannot tell apart, whatever each of them answered; fewer isolates them.
 */
type TFigures = { overall: number[]; groups: Map<string, number[]>[] };

function figuresOf(result: { withheld: boolean; respondents: number | null }): number[] {
  return result.withheld || result.respondents === null ? [] : [result.respondents];
}

/** The figures of a read of every view (overall first, then one view per dimension). */
export function figuresOfRead(views: readonly TResults[]): TFigures {
  const [overall, ...breakdowns] = views;
  if (!overall || breakdowns.length !== ZSegmentDimension.options.length)
    throw new Error('read every view');
  return {
    overall: figuresOf(overall),
    groups: breakdowns.map(
      (view) => new Map(view.groups.map((group) => [group.value, figuresOf(group)])),
    ),
  };
}

const isolates = (difference: number, k: number) => difference !== 0 && Math.abs(difference) < k;

/**
 * Every subtraction of `later` minus `earlier` that gives fewer than k (but not 0) respondents or
 * answers: a group shown in both, or, per dimension, the groups not shown in both taken together
 * (the overall difference minus the differences of the groups shown in both). Returns what each
 * isolates, and how many subtractions were tried.
 */
export function isolationsBetween(earlier: TFigures, later: TFigures, k: number) {
  const found: string[] = [];
  let tried = 0;
  const width = Math.max(earlier.overall.length, later.overall.length);
  for (let index = 0; index < width; index++) {
    const before = earlier.overall[index] ?? 0;
    const after = later.overall[index] ?? NaN;
    if (Number.isNaN(after) || Number.isNaN(before)) continue;
    const overallDifference = after - (earlier.overall.length === 0 ? 0 : before);
    later.groups.forEach((groups, dimension) => {
      let shownInBoth = 0;
      for (const [value, figures] of groups) {
        const then = earlier.groups[dimension]?.get(value)?.[index];
        const now = figures[index];
        if (then === undefined || now === undefined || Number.isNaN(then) || Number.isNaN(now))
          continue;
        tried++;
        if (isolates(now - then, k))
          found.push(`group ${dimension}:${value} figure ${index}: ${now - then}`);
        shownInBoth += now - then;
      }
      tried++;
      if (isolates(overallDifference - shownInBoth, k)) {
        found.push(
          `dimension ${dimension}, groups not shown in both, figure ${index}: ${overallDifference - shownInBoth}`,
        );
      }
    });
  }
  return { found, tried };
}

/** Day ranges of a later read may only extend the earlier ones, by 0 or at least k responses. */
export function dayIsolationsBetween(
  earlier: TResults['byDay'],
  later: TResults['byDay'],
  k: number,
) {
  const found: string[] = [];
  for (const range of later) {
    const inside = earlier.filter((old) => old.from >= range.from && old.to <= range.to);
    const crossing = earlier.filter(
      (old) => !inside.includes(old) && old.from <= range.to && old.to >= range.from,
    );
    if (crossing.length > 0) found.push(`range ${range.from}…${range.to} splits an earlier range`);
    const difference = range.responses - inside.reduce((sum, old) => sum + old.responses, 0);
    if (isolates(difference, k)) found.push(`range ${range.from}…${range.to}: ${difference}`);
  }
  return { found, tried: later.length };
}
