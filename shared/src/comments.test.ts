import { describe, expect, it } from 'vitest';
import { commentsCsv, commentsPage, ZCommentsQuery, type TCommentsView } from './comments.js';
import type { TShownComment } from './disclosure/comments.js';
import { DomainError } from './errors.js';

const shown = (texts: string[]): TCommentsView => ({
  iterationId: 3,
  by: null,
  commentK: 10,
  disclosure: {
    shown: true,
    comments: texts.map((text): TShownComment => ({ text, label: null })),
    labelledElsewhere: 0,
  },
});

const query = (input: Record<string, string> = {}) => ZCommentsQuery.parse(input);

describe('commentsPage', () => {
  const view = shown([
    'Plus de formation à Nantes',
    'La FORMÂTION avancée manque',
    'Trop de notifications',
    'Formation vidéo, courte',
    'Notifications trop nombreuses',
  ]);

  it('searches ignoring case and accents, and counts what matches', () => {
    const page = commentsPage(view, query({ q: 'formation' }));
    expect(page.total).toBe(3);
    expect(page.comments.map(({ text }) => text)).toEqual([
      'Plus de formation à Nantes',
      'La FORMÂTION avancée manque',
      'Formation vidéo, courte',
    ]);
    expect(commentsPage(view, query({ q: 'NANTÉS' })).total).toBe(1);
  });

  it('filters by a theme, with themes computed over every comment whatever the filter', () => {
    const page = commentsPage(view, query({ theme: 'notifications', limit: '1' }));
    expect(page.total).toBe(2);
    expect(page.themes).toEqual([
      { term: 'formation', comments: 2 },
      { term: 'notifications', comments: 2 },
    ]);
  });

  it('pages with an opaque cursor until the last page', () => {
    const first = commentsPage(view, query({ limit: '2' }));
    expect(first.comments).toHaveLength(2);
    const second = commentsPage(view, query({ limit: '2', cursor: first.nextCursor ?? '' }));
    const third = commentsPage(view, query({ limit: '2', cursor: second.nextCursor ?? '' }));
    expect([...first.comments, ...second.comments, ...third.comments].map((c) => c.text)).toEqual(
      view.disclosure.shown ? view.disclosure.comments.map((c) => c.text) : [],
    );
    expect(third.nextCursor).toBeNull();
  });

  it('refuses a cursor it did not make, naming the field, in the query before any read', () => {
    for (const cursor of ['nope', '!!', '', '0', 'abcde', btoa('comments:-1')]) {
      expect(ZCommentsQuery.safeParse({ cursor }).error?.issues.map(({ path }) => path)).toEqual([
        ['cursor'],
      ]);
      expect(() => commentsPage(view, { ...query(), cursor })).toThrowError(DomainError);
    }
    try {
      commentsPage(view, { ...query(), cursor: 'nope' });
    } catch (error) {
      expect((error as DomainError).fields).toHaveProperty('cursor');
    }
  });

  it('shows nothing, with the reason, when the disclosure module withholds the comments', () => {
    const page = commentsPage(
      { ...view, disclosure: { shown: false, reason: 'too_few_respondents' } },
      query(),
    );
    expect(page).toMatchObject({ withheldReason: 'too_few_respondents', total: 0, themes: [] });
  });
});

describe('commentsCsv', () => {
  it('writes the matching comments with their group, formula-like text neutralised', () => {
    const view: TCommentsView = {
      iterationId: 2,
      by: 'team',
      commentK: 10,
      disclosure: {
        shown: true,
        comments: [
          { text: '=HYPERLINK("x")', label: { kind: 'group', value: 'Sales' } },
          { text: 'Merci', label: { kind: 'other groups' } },
        ],
        labelledElsewhere: 0,
      },
    };
    const csv = commentsCsv(view, {});
    expect(csv.split(/\r?\n/).filter(Boolean)).toEqual([
      '\uFEFFiteration,breakdown,group,comment',
      `2,team,Sales,"'=HYPERLINK(""x"")"`,
      '2,team,other groups,Merci',
    ]);
    expect(commentsCsv(view, { q: 'merci' })).not.toContain('HYPERLINK');
  });
});
