import { describe, expect, it } from 'vitest';
import { DEFAULT_COMMENT_K, mayShowComments } from './comments.js';

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
