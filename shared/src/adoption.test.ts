import { describe, expect, it } from 'vitest';
import { adoptionRatios, ZAdoptionInput } from './adoption.js';

const figures = {
  registeredMembers: 400,
  weeklyActiveMembers: 200,
  contributors: 50,
  posts: 120,
  comments: 300,
};

describe('adoption', () => {
  it('reads active / registered and contributors / active', () => {
    expect(adoptionRatios(figures)).toEqual({ activeShare: 0.5, contributorShare: 0.25 });
    expect(adoptionRatios({ ...figures, registeredMembers: 0, weeklyActiveMembers: 0 })).toEqual({
      activeShare: null,
      contributorShare: null,
    });
  });

  it('refuses more active members than registered ones, naming the field', () => {
    const parsed = ZAdoptionInput.safeParse({ ...figures, weeklyActiveMembers: 401 });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['weeklyActiveMembers']);
  });
});
