import { describe, expect, it } from 'vitest';
import {
  ideaCommentFor,
  ideaIdOfComment,
  isQueuePosition,
  moderatedCommentFor,
  newestOf,
  queuePositionOf,
  ZIdeaCommentInput,
  type TIdeaCommentRecord,
} from './comments.js';

const IDEA = '000005-mhq1x2y3z0abc123';
const ID = `${IDEA}_mhq1x2y3z00000001`;

const record: TIdeaCommentRecord = {
  id: ID,
  ideaId: IDEA,
  text: 'Per team, please',
  anonymous: true,
  authorEmail: 'ana@example.com',
  authorName: 'Ana',
  createdAt: '2026-11-20T09:00:00.000Z',
  hidden: null,
};
const hidden = { reason: 'Names a colleague', at: '2026-11-20T10:00:00.000Z', byName: 'Amy' };

describe('idea comments', () => {
  it('finds the idea from the comment id alone, and nothing from other ids', () => {
    expect(ideaIdOfComment(ID)).toBe(IDEA);
    expect(ideaIdOfComment(IDEA)).toBeNull();
    expect(ideaIdOfComment(`${IDEA}_short`)).toBeNull();
    expect(ideaIdOfComment(`../${ID}`)).toBeNull();
  });

  it('trims the text and refuses an empty or too long one', () => {
    expect(ZIdeaCommentInput.parse({ text: '  ok  ', anonymous: false }).text).toBe('ok');
    expect(ZIdeaCommentInput.safeParse({ text: '   ', anonymous: false }).success).toBe(false);
    const long = { text: 'x'.repeat(1001), anonymous: false };
    expect(ZIdeaCommentInput.safeParse(long).success).toBe(false);
  });

  it('shows an anonymous comment without its author, yet as mine to its author', () => {
    expect(ideaCommentFor(record, 'ANA@example.com')).toEqual({
      id: ID,
      text: 'Per team, please',
      author: null,
      mine: true,
      createdAt: record.createdAt,
      hidden: null,
    });
    expect(ideaCommentFor(record, 'sam@example.com').mine).toBe(false);
    expect(ideaCommentFor({ ...record, anonymous: false }, 'x@y').author).toEqual({ name: 'Ana' });
  });

  it('shows a hidden comment by its reason only, even a named one, even to its author', () => {
    const shown = ideaCommentFor({ ...record, anonymous: false, hidden }, 'ana@example.com');
    expect(shown).toMatchObject({ text: null, author: null, mine: true });
    expect(shown.hidden).toEqual({ reason: hidden.reason, at: hidden.at });
  });

  it('gives moderators the text and the audit, never an anonymous author', () => {
    const judged = moderatedCommentFor({ ...record, hidden });
    expect(judged).toMatchObject({ text: record.text, author: null, ideaId: IDEA });
    expect(judged.hidden).toEqual({ reason: hidden.reason, at: hidden.at, by: { name: 'Amy' } });
    expect(JSON.stringify(judged)).not.toContain('Ana');
    expect(moderatedCommentFor({ ...record, anonymous: false }).author).toEqual({ name: 'Ana' });
  });

  it('merges lists newest first and tells whether more remain', () => {
    const at = (minute: number) => ({ id: ID, createdAt: `2026-11-20T09:0${minute}:00.000Z` });
    const visible = [at(5), at(3), at(1)];
    const hiddenOnes = [at(4), at(2)];
    const first = newestOf([visible, hiddenOnes], queuePositionOf, 3);
    expect(first.page).toEqual([at(5), at(4), at(3)]);
    expect(first.more).toBe(true);
    expect(newestOf([visible, hiddenOnes], queuePositionOf, 5).more).toBe(false);
  });

  it('accepts as a cursor only a position it makes', () => {
    expect(isQueuePosition(queuePositionOf(record))).toBe(true);
    expect(isQueuePosition(`${record.createdAt}#IDEAS#000005`)).toBe(false);
    expect(isQueuePosition('garbage')).toBe(false);
  });
});
