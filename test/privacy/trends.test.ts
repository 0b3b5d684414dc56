import { demoAnswers, demoMembers } from '@boucle/functions/local/demo-organisation';
import {
  seededRandom,
  ZSegmentDimension,
  ZTrends,
  type TResults,
  type TTrendSeries,
} from '@boucle/shared';
import { describe, expect, it } from 'vitest';
import { attackedApp, K, storyOf } from './attacked-app.js';

const story = storyOf(1);

/** The point of a series for the attacked iteration (the only one). */
const pointOf = (series: TTrendSeries[], key: string) => {
  const point = series.find((each) => each.key === key)?.points[0];
  if (!point) throw new Error(`no point for ${key}`);
  return point;
};

/** The trends read now, by every dimension, checked against the results read with them. */
async function checkAgainstResults(attacked: Awaited<ReturnType<typeof attackedApp>>) {
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
    const roster = demoMembers(60);
    const attacked = await attackedApp(roster, '2026-11-16');
    const random = seededRandom(9);
    const seen = { withheldGroups: 0, shownFigures: 0 };
    const waiting = roster.slice(2);
    // Read while answers come in, then after closing (the final release withholds late groups).
    for (const batch of [K + 2, 9, 14, 3]) {
      for (const member of waiting.splice(0, batch)) {
        await attacked.answer(member, demoAnswers(member, story, random));
      }
      const checked = await checkAgainstResults(attacked);
      seen.withheldGroups += checked.withheldGroups;
      seen.shownFigures += checked.shownFigures;
    }
    await attacked.close();
    const final = await checkAgainstResults(attacked);
    // The test means something: both withheld groups and shown figures were compared.
    expect(seen.withheldGroups + final.withheldGroups).toBeGreaterThan(0);
    expect(final.shownFigures).toBeGreaterThan(0);
  });
});
