import { ZSegmentDimension, ZTrends, type TResults, type TTrendSeries } from '@boucle/shared';
import { describe, expect, it } from 'vitest';
import { checkWhileAnswersComeIn, type TAttackedApp } from './attacked-app.js';

/** The point of a series for the attacked iteration (the only one). */
const pointOf = (series: TTrendSeries[], key: string) => {
  const point = series.find((each) => each.key === key)?.points[0];
  if (!point) throw new Error(`no point for ${key}`);
  return point;
};

/** The trends read now, by every dimension, checked against the results read with them. */
async function checkAgainstResults(attacked: TAttackedApp) {
  const [overall, ...byDimension] = await attacked.readEveryView();
  let withheldGroups = 0;
  let shownFigures = 0;
  const trendsOverall = ZTrends.parse(await attacked.read('/api/trends')).overall;
  expect(pointOf(trendsOverall, 'participation').value).toBe(overall?.participation ?? null);
  for (const [index, by] of ZSegmentDimension.options.entries()) {
    const results = byDimension[index] as TResults;
    const trends = ZTrends.parse(await attacked.read(`/api/trends?by=${by}`));
    // The same groups as the results, nothing else.
    expect(trends.groups.map((group) => group.value).sort()).toEqual(
      results.groups.map((group) => group.value).sort(),
    );
    for (const group of results.groups) {
      const series = trends.groups.find((each) => each.value === group.value)?.series ?? [];
      const participation = pointOf(series, 'participation');
      const usefulness = pointOf(series, 'mean:usefulness');
      const shownMean = group.questions.find((q) => q.questionId === 'usefulness');
      if (group.withheld) {
        withheldGroups++;
        expect(participation, `${by}:${group.value}`).toMatchObject({ value: null, n: null });
        expect(usefulness, `${by}:${group.value}`).toMatchObject({ value: null, n: null });
        continue;
      }
      expect(participation.value).toBe(group.participation);
      if (shownMean?.withheld) {
        expect(usefulness).toMatchObject({ value: null, n: null, withheld: true });
      } else {
        shownFigures++;
        expect(usefulness.value).toBe(shownMean?.mean);
        expect(usefulness.n).toBe(shownMean?.answered);
      }
    }
  }
  return { withheldGroups, shownFigures };
}

describe('the trends on DynamoDB Local', () => {
  it('never show a group, or a figure, the results withhold', async () => {
    const { whileOpen, final } = await checkWhileAnswersComeIn(9, checkAgainstResults);
    const withheldGroups = [...whileOpen, final].reduce((sum, c) => sum + c.withheldGroups, 0);
    // The test means something: both withheld groups and shown figures were compared.
    expect(withheldGroups).toBeGreaterThan(0);
    expect(final.shownFigures).toBeGreaterThan(0);
  });
});
