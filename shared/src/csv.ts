/**
 * Every CSV Boucle exports is written here. A text cell a spreadsheet would read as a formula
 * (starting with `=`, `+`, `-`, `@`, a tab or a carriage return — OWASP's list) gets a leading
 * apostrophe, so an answer or a team name cannot run in the reader's spreadsheet. Numbers are
 * written as numbers (a negative eNPS stays a number); missing values are empty cells.
 */
export type TCsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cellText(cell: TCsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  const text = neutraliseCell(cell);
  return /[",\r\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 lines (CRLF), a header first; a UTF-8 byte order mark so spreadsheets read accents. */
export function toCsv(header: readonly string[], rows: readonly (readonly TCsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(cellText).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
