import {
  disclosureSegments,
  headcountOfSegments,
  nextRelease,
  computeResults,
  defaultPulseTemplate,
  addTallies,
  tallyOfResponse,
  ZSegmentDimension,
  type TMember,
  type TSegment,
  type TSegmentDimension,
  type TTally,
  type TResults,
  seededRandom,
} from '@boucle/shared';
import {
  demoAnswers,
  demoIterations,
  demoMembers,
  type TDemoIteration,
} from '@boucle/functions/local/demo-organisation';
import { DEMO_POOLING_ORDER } from '@boucle/functions/local/seed';
import { storyOf } from './attacked-app.js';
import { describe, expect, it } from 'vitest';

const K = 5;
const pulse = { id: 'pulse-1', iterationId: 1, ...defaultPulseTemplate };
const story = storyOf(0);

/** A small roster with many small teams and sites, so that many members are unique. */
function smallRoster(size: number, seed: number): TMember[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  return Array.from({ length: size }, (_, n) => ({
    email: `m${n}@example.com`,
    name: `Member ${n}`,
    team: pick(['Sales', 'HR', 'Legal', 'R&D', 'Ops', 'Care', 'Audit']),
    site: pick(['Paris', 'Lyon', 'Nantes', 'Lille']),
    trainingLevel: pick(['beginner', 'confirmed', 'advanced'] as const),
    ambassador: random() < 0.2,
    role: 'employee' as const,
  }));
}

/**
 * The attacker holds the roster and every breakdown of a final release. For an answer value given
 * once overall, each breakdown narrows it to the groups that show it (or the withheld ones); the
 * members in all of those narrowings at once are who may have given it. Every such intersection
 * must hold at least k members, and so must every intersection of one shown group per dimension.
 */
function attack(roster: readonly TMember[], segments: Map<string, TSegment>, views: TResults[]) {
  const breakdowns = views.slice(1);
  const overall = views[0];
  if (!overall || overall.withheld) return { found: [] as string[], tried: 0 };
  const found: string[] = [];
  let tried = 0;
  const membersIn = (filters: [TSegmentDimension, Set<string>][]) =>
    roster.filter((member) => {
      const segment = segments.get(member.email);
      return (
        segment !== undefined &&
        filters.every(([dimension, values]) => values.has(segment[dimension]))
      );
    }).length;
  for (const question of overall.questions) {
    for (const bucket of question.distribution.filter((b) => b.count === 1)) {
      const filters = breakdowns.map((view, index): [TSegmentDimension, Set<string>] => {
        const dimension = ZSegmentDimension.options[index] as TSegmentDimension;
        const holding = view.groups.filter((group) => {
          const result = group.questions.find((q) => q.questionId === question.questionId);
          return group.withheld || !result || result.withheld
            ? true
            : (result.distribution.find((b) => b.value === bucket.value)?.count ?? 0) > 0;
        });
        return [dimension, new Set(holding.map((group) => group.value))];
      });
      tried++;
      const candidates = membersIn(filters);
      if (candidates > 0 && candidates < K) {
        found.push(`${question.questionId}=${bucket.value} narrows to ${candidates} members`);
      }
    }
  }
  return { found, tried };
}

/** A final release over a roster answering one iteration, read in every view, then attacked. */
function attackRelease(
  roster: readonly TMember[],
  segments: Map<string, TSegment>,
  iteration: TDemoIteration,
  random: () => number,
) {
  const byDimension = Object.fromEntries(
    ZSegmentDimension.options.map((dimension) => [dimension, {} as Record<string, TTally>]),
  ) as Record<TSegmentDimension, Record<string, TTally>>;
  let overall: TTally = {};
  for (const member of roster.filter(() => random() < iteration.participation + 0.2)) {
    const segment = segments.get(member.email);
    if (!segment) throw new Error('every member has a segment');
    const tally = tallyOfResponse(pulse, demoAnswers(member, iteration, random));
    overall = addTallies(overall, tally);
    for (const dimension of ZSegmentDimension.options) {
      const groups = byDimension[dimension];
      groups[segment[dimension]] = addTallies(groups[segment[dimension]] ?? {}, tally);
    }
  }
  const release = nextRelease({
    previous: null,
    live: { overall, byDimension },
    k: K,
    madeAt: '2026-11-20T10:00:00Z',
    closing: true,
  });
  const headcount = headcountOfSegments(segments.values());
  const views = [null, ...ZSegmentDimension.options].map((by) =>
    computeResults({ iterationId: 1, status: 'closed', pulse, headcount, release, k: K, by }),
  );
  return attack(roster, segments, views);
}

/** A generated roster, its disclosure segments at `segmentK`, answering the first iteration. */
function attackRoster(seed: number, segmentK: number) {
  const roster = smallRoster(20 + (seed % 40) * 3, seed);
  return attackRelease(roster, disclosureSegments(roster, segmentK), story, seededRandom(seed * 7));
}

describe('the attacker with the roster and every breakdown of a release', () => {
  it('cannot narrow an answer given once to fewer than k members, on generated rosters', () => {
    let tried = 0;
    const found: string[] = [];
    for (let seed = 1; seed <= 120; seed++) {
      const result = attackRoster(seed, K);
      tried += result.tried;
      found.push(...result.found.map((line) => `roster ${seed}: ${line}`));
    }
    console.log(`roster intersections: 120 generated rosters, ${tried} single answers attacked`);
    expect(tried).toBeGreaterThan(200);
    expect(found).toEqual([]);
  });

  it('cannot narrow an answer given once to fewer than k members, in the demo organisation', () => {
    const roster = demoMembers();
    const segments = disclosureSegments(roster, K, DEMO_POOLING_ORDER);
    let tried = 0;
    const found: string[] = [];
    demoIterations.forEach((iteration, index) => {
      const result = attackRelease(roster, segments, iteration, seededRandom(100 + index));
      tried += result.tried;
      found.push(...result.found.map((line) => `iteration ${index + 1}: ${line}`));
    });
    console.log(`roster intersections: the demo's 5 iterations, ${tried} single answers attacked`);
    expect(tried).toBeGreaterThan(0);
    expect(found).toEqual([]);
  });

  it('does find people when segments are not pooled (the attack works)', () => {
    const found = Array.from({ length: 20 }, (_, seed) => attackRoster(seed + 1, 1).found).flat();
    expect(found.length).toBeGreaterThan(0);
  });
});
