import { describe, expect, it } from 'vitest';
import { parseRoster } from './roster.js';
import { decodeRoster, MIXED_ENCODINGS } from './roster-encoding.js';

const HEADER = 'email,name,team,site,trainingLevel,ambassador,role\n';
const ROW = 'helene@example.com,Hélène Lefèvre,Qualité,Nîmes,débutant,non,employee\n';

/** The roster as Windows-1252 bytes: one byte per character, as Excel writes "CSV". */
function windows1252(text: string): Uint8Array {
  return Uint8Array.from([...text].map((char) => char.charCodeAt(0)));
}

describe('decodeRoster', () => {
  it('reads UTF-8, with or without its BOM', () => {
    const utf8 = new TextEncoder().encode(HEADER + ROW);
    expect(decodeRoster(utf8)).toEqual({ ok: true, text: HEADER + ROW, encoding: 'utf-8' });
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]);
    expect(decodeRoster(bom)).toMatchObject({ ok: true, text: HEADER + ROW });
  });

  it('reads Windows-1252 with its accents instead of replacement characters', () => {
    const decoded = decodeRoster(windows1252(HEADER + ROW));
    expect(decoded).toEqual({ ok: true, text: HEADER + ROW, encoding: 'windows-1252' });
    const parsed = parseRoster(decoded.ok ? decoded.text : '');
    expect(parsed.ok && parsed.members[0]).toMatchObject({ name: 'Hélène Lefèvre', site: 'Nîmes' });
  });

  it('reads UTF-16 with its BOM', () => {
    const text = HEADER + ROW;
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    [...text].forEach((char, index) => {
      bytes[2 + index * 2] = char.charCodeAt(0);
    });
    expect(decodeRoster(bytes)).toEqual({ ok: true, text, encoding: 'utf-16' });
  });

  it('refuses two encodings mixed, naming the line of the first bad byte', () => {
    const utf8 = new TextEncoder().encode(HEADER + ROW);
    const latin = windows1252('zoe@example.com,Zoé,Qualité,Nîmes,débutant,non,employee\n');
    const mixed = Uint8Array.from([...utf8, ...latin]);
    expect(decodeRoster(mixed)).toEqual({
      ok: false,
      errors: [{ line: 3, field: 'file', message: MIXED_ENCODINGS }],
    });
  });
});

describe('parseRoster of a header alone', () => {
  it('refuses it: it would empty the directory', () => {
    expect(parseRoster(HEADER)).toEqual({
      ok: false,
      errors: [{ line: 2, field: 'file', message: 'no member in the file' }],
    });
  });
});
