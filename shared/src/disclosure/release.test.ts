import { describe, expect, it } from 'vitest';
import { ZSegmentDimension, type TSegmentDimension } from '../segment.js';
import { addTallies, respondentsIn, type TTally } from '../tally.js';
import { finalRelease, releaseRefusal, type TReleaseTallies } from './release.js';

const K = 5;
const QUESTIONS = ['usefulness', 'comment'];
const ANSWER: TTally = { n: 1, 'a:usefulness': 1, 'v:usefulness:4': 1 };

type TWho = { team: string; site?: string; count: number; tally?: TTally };

/** Live counters of `count` answers per team (all alike on the other dimensions unless told). */
function tallies(...who: TWho[]): TReleaseTallies {
  const result: TReleaseTallies = {
    overall: {},
    byDimension: { team: {}, site: {}, trainingLevel: {}, ambassador: {} },
  };
  for (const { team, site = 'Paris', count, tally = ANSWER } of who) {
    const sum = addTallies(...Array<TTally>(count).fill(tally));
    const values: Record<TSegmentDimension, string> = {
      team,
      site,
      trainingLevel: 'beginner',
      ambassador: 'no',
    };
    result.overall = addTallies(result.overall, sum);
    for (const dimension of ZSegmentDimension.options) {
      const groups = result.byDimension[dimension];
      groups[values[dimension]] = addTallies(groups[values[dimension]] ?? {}, sum);
    }
  }
  return result;
}

const diff = (after: TTally, before: TTally | undefined, counter = 'n') =>
  (after[counter] ?? 0) - (before?.[counter] ?? 0);

describe('releaseRefusal', () => {
  const first = tallies({ team: 'Sales', count: 6 }, { team: 'HR', count: 6 });

  it('allows a first release with no difference under k', () => {
    expect(releaseRefusal(null, first, K, QUESTIONS)).toBeNull();
    expect(releaseRefusal(first, first, K, QUESTIONS)).toBeNull();
  });

  it('refuses a single new answer', () => {
    const next = tallies({ team: 'Sales', count: 7 }, { team: 'HR', count: 6 });
    expect(releaseRefusal(first, next, K, QUESTIONS)).toMatch(/^overall: \+1 respondents/);
    expect(releaseRefusal(null, tallies({ team: 'Sales', count: 1 }), K, QUESTIONS)).not.toBe(null);
  });

  it('allows k new answers in one team', () => {
    const next = tallies({ team: 'Sales', count: 6 + K }, { team: 'HR', count: 6 });
    expect(releaseRefusal(first, next, K, QUESTIONS)).toBeNull();
  });

  it('refuses 2 new answers in one team and 10 in another', () => {
    const next = tallies({ team: 'Sales', count: 8 }, { team: 'HR', count: 16 });
    expect(releaseRefusal(first, next, K, QUESTIONS)).toBe(
      'team "Sales": +2 respondents, 0 or at least 5 needed',
    );
  });

  it('refuses fewer than k new answers to one question, even with k new respondents', () => {
    const withComment: TTally = { ...ANSWER, 'a:comment': 1 };
    const next = tallies(
      { team: 'Sales', count: 6 + 3 },
      { team: 'Sales', count: 2, tally: withComment },
      { team: 'HR', count: 6 },
    );
    expect(releaseRefusal(first, next, K, QUESTIONS)).toBe(
      'overall: +2 answers to comment, 0 or at least 5 needed',
    );
  });

  it('refuses a group moving on another dimension only', () => {
    const next = tallies(
      { team: 'Sales', count: 6 + 3 },
      { team: 'Sales', site: 'Lyon', count: 2 },
      { team: 'HR', count: 6 },
    );
    expect(releaseRefusal(first, next, K, QUESTIONS)).toMatch(/^site "Lyon": \+2 respondents/);
  });
});

describe('finalRelease', () => {
  const first = tallies(
    { team: 'Sales', count: 6 },
    { team: 'HR', count: 6 },
    { team: 'R&D', count: 9 },
    { team: 'Legal', count: 7 },
  );

  it('is the live tallies when nothing isolates', () => {
    const live = tallies(
      { team: 'Sales', count: 11 },
      { team: 'HR', count: 6 },
      { team: 'R&D', count: 9 },
      { team: 'Legal', count: 7 },
    );
    expect(finalRelease(first, live, K, QUESTIONS)).toEqual({
      tallies: live,
      withheld: { team: [], site: [], trainingLevel: [], ambassador: [] },
    });
  });

  it('withholds a team with 2 late answers and a complement, so the difference cannot isolate it', () => {
    const live = tallies(
      { team: 'Sales', count: 6 + 2 },
      { team: 'HR', count: 6 + 10 },
      { team: 'R&D', count: 9 },
      { team: 'Legal', count: 7 },
    );
    const { tallies: made, withheld } = finalRelease(first, live, K, QUESTIONS);
    expect(withheld.team).toEqual(['HR', 'Sales']);
    expect(made.byDimension.team.Sales).toEqual({});
    expect(made.byDimension.team.HR).toEqual({});
    expect(made.byDimension.team['R&D']).toEqual(live.byDimension.team['R&D']);
    expect(made.overall).toEqual(live.overall);
    // The other dimensions move by 12 in one group: shown.
    expect(withheld.site).toEqual([]);
    expect(made.byDimension.site).toEqual(live.byDimension.site);
    // What the attacker can subtract: overall minus the shown teams, between the two releases.
    const shown = Object.keys(made.byDimension.team).filter(
      (team) => !withheld.team.includes(team),
    );
    const hiddenLate =
      diff(made.overall, first.overall) -
      shown.reduce(
        (sum, team) => sum + diff(made.byDimension.team[team] ?? {}, first.byDimension.team[team]),
        0,
      );
    expect(hiddenLate).toBe(12);
    expect(releaseRefusal(first, made, K, QUESTIONS)).toBeNull();
  });

  it('takes as complement a group with late answers, not one without (a difference of 0 helps nothing)', () => {
    const live = tallies(
      { team: 'Sales', count: 6 + 2 },
      { team: 'HR', count: 6 },
      { team: 'R&D', count: 9 + 5 },
      { team: 'Legal', count: 7 + 20 },
    );
    const { withheld } = finalRelease(first, live, K, QUESTIONS);
    expect(withheld.team).toEqual(['R&D', 'Sales']);
  });

  it('withholds the late answers of a question that too few answered in a group', () => {
    const withComment: TTally = { ...ANSWER, 'a:comment': 1 };
    const live = tallies(
      { team: 'Sales', count: 6 + 3 },
      { team: 'Sales', count: 2, tally: withComment },
      { team: 'HR', count: 6 + 5, tally: withComment },
      { team: 'R&D', count: 9 + 6 },
      { team: 'Legal', count: 7 },
    );
    const { withheld } = finalRelease(first, live, K, QUESTIONS);
    // Sales: 5 late respondents but 2 late comments; with HR, 7 late comments together.
    expect(withheld.team).toEqual(['HR', 'Sales']);
  });

  it('keeps the previous release when 1..k−1 answered late overall', () => {
    for (let late = 1; late < K; late++) {
      const live = tallies(
        { team: 'Sales', count: 6 + late },
        { team: 'HR', count: 6 },
        { team: 'R&D', count: 9 },
        { team: 'Legal', count: 7 },
      );
      expect(finalRelease(first, live, K, QUESTIONS).tallies).toBe(first);
    }
    const live = tallies(
      { team: 'Sales', count: 8 },
      { team: 'HR', count: 6 },
      { team: 'R&D', count: 9 },
      { team: 'Legal', count: 7 },
    );
    // What the previous release withheld still applies to its figures.
    const previousWithheld = { team: ['HR', 'Sales'] };
    expect(finalRelease(first, live, K, QUESTIONS, previousWithheld).withheld).toEqual({
      team: ['HR', 'Sales'],
      site: [],
      trainingLevel: [],
      ambassador: [],
    });
  });

  it('without a previous release: the live tallies from k respondents, nothing under', () => {
    const few = tallies({ team: 'Sales', count: 3 });
    expect(respondentsIn(finalRelease(null, few, K, QUESTIONS).tallies.overall)).toBe(0);
    const some = tallies({ team: 'Sales', count: 7 }, { team: 'HR', count: 2 });
    const made = finalRelease(null, some, K, QUESTIONS);
    expect(made.tallies.overall).toEqual(some.overall);
    // HR's 2 cannot be shown; Sales joins it so the total does not give HR away.
    expect(made.withheld.team).toEqual(['HR', 'Sales']);
  });

  it('never lets two releases isolate 1..k−1 respondents, on random late answers', () => {
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const teams = ['A', 'B', 'C', 'D', 'E', 'F'];
    const sites = ['Paris', 'Lyon', 'Nantes'];
    let withholding = 0;
    for (let round = 0; round < 400; round++) {
      const answers = (scale: number): TWho[] =>
        teams.flatMap((team) =>
          sites.map((site) => ({
            team,
            site,
            count: Math.floor(random() * scale),
            tally: random() < 0.5 ? ANSWER : { ...ANSWER, 'a:comment': 1 },
          })),
        );
      const before = answers(6);
      const previous = tallies(...before);
      const live = tallies(...before, ...answers(random() < 0.5 ? 2 : 5));
      const { tallies: made, withheld } = finalRelease(previous, live, K, QUESTIONS);
      const overallIsolates = ['n', 'a:usefulness', 'a:comment'].some((counter) => {
        const moved = diff(live.overall, previous.overall, counter);
        return moved > 0 && moved < K;
      });
      expect(made === previous).toBe(overallIsolates);
      if (overallIsolates) continue;
      for (const dimension of ZSegmentDimension.options) {
        const hidden = withheld[dimension];
        if (hidden.length > 0) withholding++;
        for (const counter of ['n', 'a:usefulness', 'a:comment']) {
          // Each shown group, and the withheld ones together, moved by 0 or at least k.
          let hiddenDifference = 0;
          for (const value of Object.keys(live.byDimension[dimension])) {
            const moved = diff(
              live.byDimension[dimension][value] ?? {},
              previous.byDimension[dimension][value],
              counter,
            );
            if (hidden.includes(value)) hiddenDifference += moved;
            else expect(moved === 0 || moved >= K).toBe(true);
          }
          expect(hiddenDifference === 0 || hiddenDifference >= K).toBe(true);
        }
        if (hidden.length > 0) {
          // As a table of its own: at least two groups, at least k respondents together.
          expect(hidden.length).toBeGreaterThan(1);
          const together = hidden.reduce(
            (sum, value) => sum + respondentsIn(live.byDimension[dimension][value] ?? {}),
            0,
          );
          expect(together).toBeGreaterThanOrEqual(K);
          for (const value of hidden) expect(made.byDimension[dimension][value]).toEqual({});
        }
      }
    }
    expect(withholding).toBeGreaterThan(50);
  });
});
