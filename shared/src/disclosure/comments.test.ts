import { describe, expect, it } from 'vitest';
import type { TRelease } from '../release.js';
import type { TSegment, TSegmentDimension } from '../segment.js';
import {
  commentsToShow,
  DEFAULT_COMMENT_K,
  labellingDimension,
  mayShowComments,
  type TCommentedResponse,
} from './comments.js';

describe('mayShowComments', () => {
  it('shows free text from commentK respondents (10 by default)', () => {
    expect(DEFAULT_COMMENT_K).toBe(10);
    expect(mayShowComments(9, DEFAULT_COMMENT_K)).toBe(false);
    expect(mayShowComments(10, DEFAULT_COMMENT_K)).toBe(true);
  });

  it('never under the lowest k allowed, whatever commentK says', () => {
    expect(mayShowComments(2, 1)).toBe(false);
    expect(mayShowComments(0, 0)).toBe(false);
    expect(mayShowComments(3, 1)).toBe(true);
  });
});

const segment = (team: string, site = 'Paris'): TSegment => ({
  team,
  site,
  trainingLevel: 'beginner',
  ambassador: 'no',
});

/** Texts labelled in the given breakdown, `count` of them, all different. */
function textsFor(dimension: TSegmentDimension, count: number, prefix = 'comment'): string[] {
  const texts: string[] = [];
  for (let i = 0; texts.length < count; i++) {
    const text = `${prefix} ${i}`;
    if (labellingDimension(text) === dimension) texts.push(text);
  }
  return texts;
}

/** `size` responses of a team, each with one of `texts` (cycling) or none once they run out. */
function team(name: string, size: number, texts: readonly string[] = []): TCommentedResponse[] {
  return Array.from({ length: size }, (_, i) => ({
    segment: segment(name),
    texts: i < texts.length ? [texts[i] as string] : [],
  }));
}

/** The release a closing would make of exactly these responses, withholding `withheld` teams. */
function releaseOf(
  responses: readonly TCommentedResponse[],
  withheld: Record<string, number> = {},
): TRelease {
  const byDimension: TRelease['tallies']['byDimension'] = {
    team: {},
    site: {},
    trainingLevel: {},
    ambassador: {},
  };
  for (const dimension of ['team', 'site', 'trainingLevel', 'ambassador'] as const) {
    const groups: Record<string, Record<string, number>> = {};
    for (const { segment: s } of responses) {
      const n = (groups[s[dimension]]?.n ?? 0) + 1;
      groups[s[dimension]] = { n };
    }
    byDimension[dimension] = groups;
  }
  for (const [name, shownBefore] of Object.entries(withheld)) {
    byDimension.team[name] = { n: shownBefore };
  }
  return {
    info: { number: 2, madeAt: '2026-11-14T00:00:00.000Z', final: true },
    tallies: { overall: { n: responses.length }, byDimension },
    dayRanges: [],
    withheld: { team: Object.keys(withheld) },
  };
}

const texts = (result: ReturnType<typeof commentsToShow>) =>
  result.shown ? result.comments.map(({ text }) => text) : [];

describe('commentsToShow', () => {
  it('shows every comment overall, unlabelled, in an order that does not follow storage', () => {
    const responses = [...team('Sales', 6, ['b', 'a', 'c']), ...team('HR', 6, ['d'])];
    const result = commentsToShow({
      release: releaseOf(responses),
      responses,
      commentK: 10,
      by: null,
    });
    expect(result.shown && result.comments.every(({ label }) => label === null)).toBe(true);
    expect(texts(result).sort()).toEqual(['a', 'b', 'c', 'd']);
    const reversed = commentsToShow({
      release: releaseOf(responses),
      responses: [...responses].reverse(),
      commentK: 10,
      by: null,
    });
    expect(texts(reversed)).toEqual(texts(result));
  });

  it('shows nothing under commentK respondents overall', () => {
    const responses = team('Sales', 9, ['a', 'b']);
    expect(
      commentsToShow({ release: releaseOf(responses), responses, commentK: 10, by: null }),
    ).toEqual({ shown: false, reason: 'too_few_respondents' });
  });

  it('shows nothing when the final release kept fewer respondents than were stored', () => {
    const responses = team('Sales', 20, ['a', 'b']);
    const release = releaseOf(responses.slice(0, 17));
    expect(commentsToShow({ release, responses, commentK: 10, by: null })).toEqual({
      shown: false,
      reason: 'late_answers_unattributable',
    });
  });

  it('shows nothing when a group the release shows counts other responses than stored', () => {
    const responses = [...team('Sales', 10, ['a']), ...team('HR', 10, ['b'])];
    const release = releaseOf(responses);
    release.tallies.byDimension.team.Sales = { n: 11 };
    release.tallies.byDimension.team.HR = { n: 9 };
    expect(commentsToShow({ release, responses, commentK: 10, by: null }).shown).toBe(false);
  });

  it('drops the comments of a group the final release withholds, in every view', () => {
    const responses = [...team('Sales', 12, ['sales said']), ...team('HR', 4, ['hr said late'])];
    const release = releaseOf(responses, { HR: 0 });
    for (const by of [null, 'team', 'site', 'trainingLevel', 'ambassador'] as const) {
      const result = commentsToShow({ release, responses, commentK: 10, by });
      expect(texts(result)).not.toContain('hr said late');
    }
    expect(texts(commentsToShow({ release, responses, commentK: 10, by: null }))).toEqual([
      'sales said',
    ]);
  });

  it('never labels a comment with a team under commentK: pooled when together they reach it', () => {
    const big = textsFor('team', 2, 'big');
    const small1 = textsFor('team', 1, 'one');
    const small2 = textsFor('team', 1, 'two');
    const responses = [
      ...team('Sales', 12, big),
      ...team('HR', 6, small1),
      ...team('Finance', 5, small2),
    ];
    const result = commentsToShow({
      release: releaseOf(responses),
      responses,
      commentK: 10,
      by: 'team',
    });
    const labels = new Map(result.shown ? result.comments.map((c) => [c.text, c.label]) : []);
    expect(Object.fromEntries(labels)).toEqual({
      [big[0] as string]: { kind: 'group', value: 'Sales' },
      [big[1] as string]: { kind: 'group', value: 'Sales' },
      [small1[0] as string]: { kind: 'other groups' },
      [small2[0] as string]: { kind: 'other groups' },
    });
  });

  it('completes a pool under commentK with the smallest labelled team, so no view leaves it out', () => {
    const responses = [
      ...team('Sales', 15, textsFor('team', 1, 'sales')),
      ...team('R&D', 11, textsFor('team', 1, 'rd')),
      ...team('HR', 4, textsFor('team', 1, 'hr')),
    ];
    const result = commentsToShow({
      release: releaseOf(responses),
      responses,
      commentK: 10,
      by: 'team',
    });
    const labels = result.shown ? result.comments.map(({ label }) => label) : [];
    expect(labels).toEqual([
      { kind: 'group', value: 'Sales' },
      { kind: 'other groups' },
      { kind: 'other groups' },
    ]);
  });

  it('labels each comment in one breakdown only, chosen by its text', () => {
    const all = ['team', 'site', 'trainingLevel', 'ambassador'] as const;
    const mixed = all.flatMap((dimension) => textsFor(dimension, 2, dimension));
    const responses = team('Sales', 20, mixed);
    const release = releaseOf(responses);
    const seen = all.flatMap((by) => {
      const result = commentsToShow({ release, responses, commentK: 10, by });
      expect(result.shown && result.labelledElsewhere).toBe(6);
      return texts(result);
    });
    expect(seen.sort()).toEqual([...mixed].sort());
  });
});
