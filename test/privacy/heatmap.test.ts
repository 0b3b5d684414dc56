import { ZHeatmap, ZSegmentDimension, ZTrainingDemand, type TResults } from '@boucle/shared';
import { describe, expect, it } from 'vitest';
import { checkWhileAnswersComeIn, type TAttackedApp } from './attacked-app.js';

/** The heatmap and training demand read now, checked against the results read with them. */
async function checkAgainstResults(attacked: TAttackedApp) {
  const [, ...byDimension] = await attacked.readEveryView();
  let withheldGroups = 0;
  let shownCells = 0;
  for (const [index, by] of ZSegmentDimension.options.entries()) {
    const results = byDimension[index] as TResults;
    const heatmap = ZHeatmap.parse(await attacked.read(`/api/iterations/1/heatmap?by=${by}`));
    // The same columns as the results, in the same order, from the same release.
    expect(heatmap.release).toEqual(results.release);
    expect(heatmap.groups.map((group) => group.value)).toEqual(
      results.groups.map((group) => group.value),
    );
    for (const group of results.groups) {
      const cells = heatmap.rows.map((row) => row.cells.find((cell) => cell.group === group.value));
      if (group.withheld) {
        withheldGroups++;
        for (const cell of cells) {
          expect(cell, `${by}:${group.value}`).toMatchObject({
            state: 'withheld',
            n: null,
            figure: null,
            gap: null,
            pValue: null,
          });
        }
        continue;
      }
      for (const [rowIndex, row] of heatmap.rows.entries()) {
        const cell = cells[rowIndex];
        const question = group.questions.find((each) => each.questionId === row.questionId);
        if (row.kind === 'participation') {
          expect(cell?.figure).toBe(group.participation);
        } else if (question?.withheld) {
          expect(cell, `${by}:${group.value}:${row.questionId}`).toMatchObject({
            state: 'withheld',
            figure: null,
            pValue: null,
          });
        } else {
          shownCells++;
          expect(cell?.figure).toBe(row.kind === 'scale' ? question?.mean : question?.enps);
        }
      }
    }
    if (by === 'trainingLevel') {
      const demand = ZTrainingDemand.parse(
        await attacked.read('/api/iterations/1/training-demand'),
      );
      expect(demand.levels.map((level) => [level.level, level.state === 'withheld'])).toEqual(
        results.groups.map((group) => [
          group.value,
          group.withheld ||
            (group.questions.find((q) => q.questionId === 'training-need')?.withheld ?? true),
        ]),
      );
      for (const level of demand.levels.filter((each) => each.state === 'withheld')) {
        expect(level.answered).toBeNull();
        expect(level.needs.every((need) => need.count === null)).toBe(true);
      }
    }
  }
  return { withheldGroups, shownCells };
}

describe('the heatmap and training demand on DynamoDB Local', () => {
  it('never show a group, or a figure, the results withhold', async () => {
    const { whileOpen, final } = await checkWhileAnswersComeIn(8, checkAgainstResults);
    const seen = [...whileOpen, final].reduce((sum, checked) => ({
      withheldGroups: sum.withheldGroups + checked.withheldGroups,
      shownCells: sum.shownCells + checked.shownCells,
    }));
    console.log(
      `heatmap vs results: ${seen.withheldGroups} withheld groups, ${seen.shownCells} shown cells checked`,
    );
    // The test means something: both withheld groups and shown figures were compared.
    expect(seen.withheldGroups).toBeGreaterThan(0);
    expect(final.shownCells).toBeGreaterThan(0);
  });
});
