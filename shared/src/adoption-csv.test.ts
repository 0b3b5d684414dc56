import { describe, expect, it } from 'vitest';
import { parseAdoptionCsv } from './adoption-csv.js';

const header = 'iteration,registeredMembers,weeklyActiveMembers,contributors,posts,comments';
const iterations = [
  { id: 1, status: 'reviewed' as const },
  { id: 2, status: 'closed' as const },
  { id: 3, status: 'open' as const },
  { id: 4, status: 'draft' as const },
];

describe('parseAdoptionCsv', () => {
  it('reads one line per iteration, with CRLF, a BOM and blank lines', () => {
    const csv = '\uFEFF' + [header, '1,120,30,8,40,95', '', '2,180,63,19,120,310', ''].join('\r\n');
    expect(parseAdoptionCsv(csv, iterations)).toEqual({
      ok: true,
      rows: [
        {
          line: 2,
          iterationId: 1,
          adoption: {
            registeredMembers: 120,
            weeklyActiveMembers: 30,
            contributors: 8,
            posts: 40,
            comments: 95,
          },
        },
        {
          line: 4,
          iterationId: 2,
          adoption: {
            registeredMembers: 180,
            weeklyActiveMembers: 63,
            contributors: 19,
            posts: 120,
            comments: 310,
          },
        },
      ],
    });
  });

  it('takes French headers in any order, semicolons and thousands written with spaces', () => {
    const csv = [
      'Commentaires;Itération;Membres inscrits;Actifs hebdomadaires;Contributeurs;Publications',
      '"1 250";3;290;174;61;"1\u202f020"',
    ].join('\n');
    const parsed = parseAdoptionCsv(csv, iterations);
    expect(parsed.ok && parsed.rows[0]).toEqual({
      line: 2,
      iterationId: 3,
      adoption: {
        registeredMembers: 290,
        weeklyActiveMembers: 174,
        contributors: 61,
        posts: 1020,
        comments: 1250,
      },
    });
  });

  it('names each missing column on the header line', () => {
    const parsed = parseAdoptionCsv('iteration;inscrits;posts\n1;2;3');
    expect(parsed).toEqual({
      ok: false,
      errors: ['weeklyActiveMembers', 'contributors', 'comments'].map((field) => ({
        line: 1,
        field,
        message: 'missing column',
      })),
    });
  });

  it('reports every bad line by physical line and field, and keeps none', () => {
    const csv = [
      header,
      '1,120,30,8,40,95',
      '2,100,101,8,-4,95',
      '3,100,50,ten,40,95',
      '1,120,30,8,40,95',
      '4,120,30,8,40,95',
      '9,120,30,8,40,95',
    ].join('\n');
    expect(parseAdoptionCsv(csv, iterations)).toEqual({
      ok: false,
      errors: [
        { line: 3, field: 'posts', message: 'must be a whole number' },
        { line: 4, field: 'contributors', message: 'must be a whole number' },
        { line: 5, field: 'iteration', message: 'same iteration as line 2' },
        { line: 6, field: 'iteration', message: 'still a draft' },
        { line: 7, field: 'iteration', message: 'no such iteration' },
      ],
    });
  });

  it('checks the figures with the API’s own rules', () => {
    const parsed = parseAdoptionCsv([header, '2,100,101,8,4,95'].join('\n'));
    expect(parsed).toEqual({
      ok: false,
      errors: [
        { line: 2, field: 'weeklyActiveMembers', message: 'must not exceed registeredMembers' },
      ],
    });
  });

  it('refuses an empty file, a header alone and a broken quote', () => {
    expect(parseAdoptionCsv('')).toMatchObject({ ok: false, errors: [{ field: 'header' }] });
    expect(parseAdoptionCsv(`${header}\n`)).toMatchObject({
      ok: false,
      errors: [{ line: 2, field: 'file', message: 'no iteration in the file' }],
    });
    expect(parseAdoptionCsv(`${header}\n1,"120,30,8,40,95\n2,1,1,1,1,1`)).toMatchObject({
      ok: false,
      errors: [{ line: 2, field: 'registeredMembers', message: 'unclosed quote' }],
    });
  });
});
