import { describe, expect, it } from 'vitest';
import { needsRemovalConfirmation, rosterRemoval } from './roster-removal.js';

const emails = (count: number, from = 0) =>
  Array.from({ length: count }, (_, index) => `m${from + index}@example.com`);

describe('rosterRemoval', () => {
  it('counts the members of today the new roster leaves out', () => {
    const next = emails(90, 10).map((email) => ({ email }));
    expect(rosterRemoval(emails(100), next)).toEqual({ removed: 10, current: 100 });
  });

  it('asks for confirmation above a fifth removed, not at it', () => {
    expect(needsRemovalConfirmation({ removed: 20, current: 100 })).toBe(false);
    expect(needsRemovalConfirmation({ removed: 21, current: 100 })).toBe(true);
    expect(needsRemovalConfirmation({ removed: 100, current: 100 })).toBe(true);
  });

  it('never asks for the first import', () => {
    expect(needsRemovalConfirmation(rosterRemoval([], [{ email: 'a@example.com' }]))).toBe(false);
  });
});
