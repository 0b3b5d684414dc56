import { demoAnswers, demoMembers } from '@boucle/functions/local/demo-organisation';
import {
  addTallies,
  computeResults,
  defaultPulseTemplate,
  headcountOf,
  segmentOf,
  tallyOfResponse,
  ZSegmentDimension,
  type TRelease,
  type TResults,
  type TSegmentDimension,
  type TTally,
  seededRandom,
} from '@boucle/shared';
import { describe, expect, it } from 'vitest';
import { attackedApp, K, storyOf } from './attacked-app.js';
import { dayIsolationsBetween, figuresOfRead, isolationsBetween } from './differences.js';

const story = storyOf(3);

/** Compares every pair of reads, consecutive or not, as an attacker would. */
function attackEveryPair(reads: readonly TResults[][]) {
  const figures = reads.map(figuresOfRead);
  const found: string[] = [];
  let tried = 0;
  figures.forEach((earlier, first) => {
    figures.slice(first + 1).forEach((later, offset) => {
      const groups = isolationsBetween(earlier, later, K);
      const days = dayIsolationsBetween(
        reads[first]?.[0]?.byDay ?? [],
        reads[first + 1 + offset]?.[0]?.byDay ?? [],
        K,
      );
      found.push(...groups.found, ...days.found);
      tried += groups.tried + days.tried;
    });
  });
  return { found, tried };
}

describe('the attacker with steering access', () => {
  it('reads every view after every single answer and isolates nobody', async () => {
    const roster = demoMembers(60);
    const attacked = await attackedApp(roster, '2026-11-16');
    const random = seededRandom(11);
    const reads = [await attacked.readEveryView()];
    for (const member of roster.slice(2, 42)) {
      await attacked.answer(member, demoAnswers(member, story, random));
      reads.push(await attacked.readEveryView());
    }
    await attacked.close();
    reads.push(await attacked.readEveryView());
    const { found, tried } = attackEveryPair(reads);
    console.log(`two reads around each answer: ${reads.length} reads, ${tried} subtractions tried`);
    expect(found).toEqual([]);
    // The loop still shows what it is for: a release was made and read.
    expect(reads.at(-1)?.[0]?.release?.final).toBe(true);
    expect(reads.at(-1)?.[0]?.respondents).toBeGreaterThanOrEqual(K);
  });

  it('reads every view once a day over a whole iteration and isolates nobody', async () => {
    const roster = demoMembers(80);
    const attacked = await attackedApp(roster, '2026-11-16');
    const random = seededRandom(23);
    const reads: TResults[][] = [];
    const waiting = roster.slice(2);
    for (let day = 0; day < 20 && waiting.length > 0; day++) {
      attacked.clock.now = new Date(Date.UTC(2026, 10, 16 + day, 9));
      for (let count = Math.floor(random() * 6); count > 0 && waiting.length > 0; count--) {
        const member = waiting.shift();
        if (member) await attacked.answer(member, demoAnswers(member, story, random));
      }
      reads.push(await attacked.readEveryView());
    }
    await attacked.close();
    reads.push(await attacked.readEveryView());
    const { found, tried } = attackEveryPair(reads);
    console.log(`daily reads: ${reads.length} reads, ${tried} subtractions tried`);
    expect(found).toEqual([]);
    expect(reads.at(-1)?.[0]?.byDay.length).toBeGreaterThan(0);
  });
});

describe('the subtraction attack itself', () => {
  it('does find one answer between two reads of live counters (the attack works)', () => {
    const pulse = { id: 'pulse-1', iterationId: 1, ...defaultPulseTemplate };
    const members = demoMembers(40);
    const random = seededRandom(3);
    const live = (count: number): TRelease => {
      let overall: TTally = {};
      const byDimension = { team: {}, site: {}, trainingLevel: {}, ambassador: {} } as Record<
        TSegmentDimension,
        Record<string, TTally>
      >;
      for (const member of members.slice(0, count)) {
        const tally = tallyOfResponse(pulse, demoAnswers(member, story, random));
        overall = addTallies(overall, tally);
        const segment = segmentOf(member);
        for (const dimension of ZSegmentDimension.options) {
          byDimension[dimension][segment[dimension]] = addTallies(
            byDimension[dimension][segment[dimension]] ?? {},
            tally,
          );
        }
      }
      const info = { number: count, madeAt: '2026-11-20T10:00:00Z', final: false };
      return { info, tallies: { overall, byDimension }, dayRanges: [], withheld: {} };
    };
    const headcount = headcountOf(members);
    const read = (release: TRelease) =>
      [null, ...ZSegmentDimension.options].map((by) =>
        computeResults({ iterationId: 1, status: 'open', pulse, headcount, release, k: K, by }),
      );
    const { found } = attackEveryPair([read(live(30)), read(live(31))]);
    expect(found.length).toBeGreaterThan(0);
  });
});
