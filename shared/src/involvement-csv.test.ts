import { describe, expect, it } from 'vitest';
import { involvementCsv } from './involvement-csv.js';

describe('involvementCsv', () => {
  it('writes the overall line of each iteration, then its groups, withheld ones empty', () => {
    const csv = involvementCsv({
      by: 'team',
      k: 5,
      iterations: [
        {
          iterationId: 1,
          name: 'Iteration 1',
          figures: { members: 60, contributors: 20, ideas: 4, votes: 30, comments: 7 },
          groups: [
            {
              key: '=Sales',
              figures: { members: 20, contributors: 12, ideas: 3, votes: 20, comments: 5 },
            },
            { key: 'Legal', figures: null },
          ],
        },
      ],
    });
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFiteration,dimension,group,members,contributors,ideas,votes,comments,withheld',
      'Iteration 1,,,60,20,4,30,7,no',
      "Iteration 1,team,'=Sales,20,12,3,20,5,no",
      'Iteration 1,team,Legal,,,,,,yes',
      '',
    ]);
  });
});
