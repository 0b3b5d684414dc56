import { describe, expect, it } from 'vitest';
import { neutraliseCell, toCsv } from './csv.js';

describe('toCsv', () => {
  it('neutralises every text cell a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(neutraliseCell(`${start}HYPERLINK("x")`)).toBe(`'${start}HYPERLINK("x")`);
    }
    expect(neutraliseCell('Nantes')).toBe('Nantes');
  });

  it('keeps numbers as numbers, negative ones included, and leaves missing values empty', () => {
    expect(toCsv(['enps', 'mean', 'low'], [[-11, null, undefined]])).toBe(
      '\uFEFFenps,mean,low\r\n-11,,\r\n',
    );
  });

  it('quotes separators, quotes and line breaks, after neutralising', () => {
    const csv = toCsv(['comment'], [['=1+1, "a"\nb']]);
    expect(csv).toBe('\uFEFFcomment\r\n"\'=1+1, ""a""\nb"\r\n');
  });
});
