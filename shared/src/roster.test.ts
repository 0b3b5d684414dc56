import { describe, expect, it } from 'vitest';
import { MAX_ROSTER_ROWS, parseRoster } from './roster.js';

const header = 'email,name,team,site,trainingLevel,ambassador,role';

describe('parseRoster', () => {
  it('reads members, quoted fields, CRLF, a BOM and French words', () => {
    const csv =
      '\uFEFF' +
      [
        header,
        'Ana@Example.com,"Ana, the first",Sales,Paris,beginner,no,employee',
        'bo@example.com,Bo,R&D,Lyon,confirmé,oui,steering',
        '',
      ].join('\r\n');
    expect(parseRoster(csv)).toEqual({
      ok: true,
      members: [
        {
          email: 'ana@example.com',
          name: 'Ana, the first',
          team: 'Sales',
          site: 'Paris',
          trainingLevel: 'beginner',
          ambassador: false,
          role: 'employee',
        },
        {
          email: 'bo@example.com',
          name: 'Bo',
          team: 'R&D',
          site: 'Lyon',
          trainingLevel: 'confirmed',
          ambassador: true,
          role: 'steering',
        },
      ],
    });
  });

  it('accepts semicolon-separated files, columns in any order', () => {
    const csv =
      'name;email;site;team;role;ambassador;trainingLevel\nBo;bo@example.com;Lyon;HR;;no;advanced';
    const parsed = parseRoster(csv);
    expect(parsed.ok && parsed.members[0]).toMatchObject({
      email: 'bo@example.com',
      team: 'HR',
      role: 'employee',
    });
  });

  it('reports each bad row by line number and field, and keeps nothing', () => {
    const csv = [
      header,
      'ok@example.com,Ok,Sales,Paris,beginner,no,employee',
      'not-an-email,Bad,Sales,Paris,beginner,no,employee',
      'x@example.com,X,Sales,Paris,expert,maybe,employee',
      'OK@example.com,Twice,Sales,Paris,beginner,no,employee',
    ].join('\n');
    const parsed = parseRoster(csv);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors).toEqual([
      { line: 3, field: 'email', message: 'Invalid email address' },
      { line: 4, field: 'trainingLevel', message: 'must be one of beginner, confirmed, advanced' },
      { line: 4, field: 'ambassador', message: 'must be yes or no' },
      { line: 5, field: 'email', message: 'same email as line 2' },
    ]);
  });

  it('names missing columns', () => {
    const parsed = parseRoster('email,name\na@example.com,A');
    expect(!parsed.ok && parsed.errors.map((e) => e.field)).toEqual([
      'team',
      'site',
      'trainingLevel',
      'ambassador',
      'role',
    ]);
  });

  it('counts lines inside quoted multi-line fields', () => {
    const csv = `${header}\n"a@example.com","A\nB",Sales,Paris,beginner,no,employee\nbad,C,Sales,Paris,beginner,no,employee`;
    const parsed = parseRoster(csv);
    expect(!parsed.ok && parsed.errors[0]?.line).toBe(4);
  });

  it('reports an unclosed quote on its line and still checks the lines after it', () => {
    const csv = [
      header,
      'a@example.com,A,Sales,Paris,beginner,no,employee',
      'b@example.com,"Bo,Sales,Paris,beginner,no,employee',
      'c@example.com,C,Sales,Paris,beginner,no,employee',
      'd@example.com,D,Sales,Paris,expert,no,employee',
    ].join('\r\n');
    expect(parseRoster(csv)).toEqual({
      ok: false,
      errors: [
        { line: 3, field: 'name', message: 'unclosed quote' },
        {
          line: 5,
          field: 'trainingLevel',
          message: 'must be one of beginner, confirmed, advanced',
        },
      ],
    });
  });

  it('reports a stray quote inside an unquoted field on its physical line', () => {
    const csv = [
      header,
      '"a@example.com","Ann',
      'Lee",Sal"es,Paris,beginner,no,employee',
      'b@example.com,"Bo"  ,R"D,Lyon,beginner,no,employee',
      'c@example.com,"Cy" Z,Sales,Paris,beginner,no,employee',
      'd@example.com,D,Sales,Paris,beginner,no,employee',
    ].join('\n');
    expect(parseRoster(csv)).toEqual({
      ok: false,
      errors: [
        { line: 3, field: 'team', message: 'stray quote' },
        { line: 4, field: 'team', message: 'stray quote' },
        { line: 5, field: 'name', message: 'stray quote' },
      ],
    });
  });

  it('reads doubled quotes inside a quoted field as one quote', () => {
    const csv = `${header}\na@example.com,"Ana ""Nana"" Lee",Sales,Paris,beginner,no,employee`;
    const parsed = parseRoster(csv);
    expect(parsed.ok && parsed.members[0]?.name).toBe('Ana "Nana" Lee');
  });

  it('refuses a header it cannot read', () => {
    const csv = `email,"name,team,site,trainingLevel,ambassador,role\na@example.com,A,S,P,beginner,no,employee`;
    expect(parseRoster(csv)).toEqual({
      ok: false,
      errors: [{ line: 1, field: 'header', message: 'unclosed quote' }],
    });
  });

  // A large file: generous time on a loaded machine.
  it(`refuses more than ${MAX_ROSTER_ROWS} members`, { timeout: 60_000 }, () => {
    const row = 'a@example.com,A,Sales,Paris,beginner,no,employee';
    const csv = [header, ...Array.from({ length: MAX_ROSTER_ROWS + 1 }, () => row)].join('\n');
    expect(parseRoster(csv)).toEqual({
      ok: false,
      errors: [{ line: 1, field: 'file', message: `more than ${MAX_ROSTER_ROWS} members` }],
    });
  });
});
