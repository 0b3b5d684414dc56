import Papa from 'papaparse';
import { ZMember, ZTrainingLevel, type TMember } from './member.js';

export const ROSTER_COLUMNS = [
  'email',
  'name',
  'team',
  'site',
  'trainingLevel',
  'ambassador',
  'role',
] as const;

export const MAX_ROSTER_ROWS = 100_000;

/** The parser's words for a file without a member row (the web translates them). */
export const NO_MEMBER = 'no member in the file';

export type TRosterError = { line: number; field: string; message: string };
export type TRosterParse = { ok: true; members: TMember[] } | { ok: false; errors: TRosterError[] };

const TRUE_WORDS = new Set(['true', 'yes', 'oui', '1', 'y', 'o']);
const FALSE_WORDS = new Set(['false', 'no', 'non', '0', 'n', '']);
const LEVEL_WORDS: Record<string, string> = {
  débutant: 'beginner',
  debutant: 'beginner',
  confirmé: 'confirmed',
  confirme: 'confirmed',
  approfondissement: 'advanced',
  avancé: 'advanced',
};

/** Parses a roster CSV (comma or semicolon, quoted fields, header row). All or nothing. */
export function parseRoster(csv: string): TRosterParse {
  const table = readCsvTable(csv);
  if (!table.ok) return table;
  const { header, body, problems } = table;
  const names = header.cells.map((cell) => cell.trim());
  const missing = ROSTER_COLUMNS.filter((column) => !names.includes(column));
  if (missing.length > 0) {
    return {
      ok: false,
      errors: missing.map((column) => ({
        line: header.line,
        field: column,
        message: 'missing column',
      })),
    };
  }
  if (body.length === 0) {
    // A header alone would empty the directory: nobody could answer any more.
    return { ok: false, errors: [{ line: header.line + 1, field: 'file', message: NO_MEMBER }] };
  }
  if (body.length > MAX_ROSTER_ROWS) {
    return {
      ok: false,
      errors: [{ line: 1, field: 'file', message: `more than ${MAX_ROSTER_ROWS} members` }],
    };
  }
  const errors: TRosterError[] = problems.map((problem) => ({
    line: problem.line,
    field: names[problem.column] ?? `column ${problem.column + 1}`,
    message: problem.message,
  }));
  const members: TMember[] = [];
  const lineOfEmail = new Map<string, number>();
  for (const row of body) {
    const cell = (column: string): string => (row.cells[names.indexOf(column)] ?? '').trim();
    const ambassador = cell('ambassador').toLowerCase();
    const level = cell('trainingLevel').toLowerCase();
    const parsed = ZMember.safeParse({
      email: cell('email'),
      name: cell('name'),
      team: cell('team'),
      site: cell('site'),
      trainingLevel: LEVEL_WORDS[level] ?? level,
      ambassador: TRUE_WORDS.has(ambassador)
        ? true
        : FALSE_WORDS.has(ambassador)
          ? false
          : ambassador,
      role: cell('role').toLowerCase() || 'employee',
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? 'row');
        errors.push({ line: row.line, field, message: messageFor(field, issue.message) });
      }
      continue;
    }
    const seen = lineOfEmail.get(parsed.data.email);
    if (seen !== undefined) {
      errors.push({ line: row.line, field: 'email', message: `same email as line ${seen}` });
      continue;
    }
    lineOfEmail.set(parsed.data.email, row.line);
    members.push(parsed.data);
  }
  return errors.length > 0
    ? { ok: false, errors: errors.sort((a, b) => a.line - b.line) }
    : { ok: true, members };
}

function messageFor(field: string, fallback: string): string {
  if (field === 'trainingLevel') return `must be one of ${ZTrainingLevel.options.join(', ')}`;
  if (field === 'ambassador') return 'must be yes or no';
  if (field === 'role') return 'must be employee, ambassador or steering';
  return fallback;
}

const MAX_QUOTE_PROBLEMS = 20;

/** A CSV file's header, its non-blank rows, and the quoting problems found in them. */
type TCsvTable = { ok: true; header: TCsvRow; body: TCsvRow[]; problems: TCsvProblem[] };

/**
 * Reads an uploaded CSV (the roster and the adoption figures alike): byte order mark dropped,
 * header apart, blank rows skipped. A file that is empty, or whose header cannot be read, is
 * refused here: nothing else can be read.
 */
export function readCsvTable(
  csv: string,
): TCsvTable | { ok: false; errors: { line: number; field: string; message: string }[] } {
  const { rows, problems } = splitCsv(csv.replace(/^\uFEFF/, ''));
  const header = rows[0];
  const firstProblem = problems[0];
  // A problem before the first readable row is in the header.
  if (firstProblem && (!header || firstProblem.line < header.line)) {
    return {
      ok: false,
      errors: [{ line: firstProblem.line, field: 'header', message: firstProblem.message }],
    };
  }
  if (!header) return { ok: false, errors: [{ line: 1, field: 'header', message: 'empty file' }] };
  const body = rows.slice(1).filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  return { ok: true, header, body, problems };
}

export type TCsvRow = { line: number; cells: string[] };
/** A quoting mistake, by physical line and column index. */
type TCsvProblem = { line: number; column: number; message: string };

/**
 * Splits with papaparse (the roster and the adoption figures alike); the delimiter is whichever of , and ; the header uses. Papaparse reads
 * an unclosed quote to the end of the file and keeps a quote inside an unquoted field as text:
 * both are reported with their line instead, the row is dropped, and reading resumes on the next
 * line so that the rest of the file is still checked.
 */
function splitCsv(csv: string): { rows: TCsvRow[]; problems: TCsvProblem[] } {
  // One kind of newline, so that offsets map to physical lines.
  const text = csv.replace(/\r\n?/g, '\n');
  const lines = lineIndex(text);
  const firstLine = text.slice(0, lines.startOf(2) - 1);
  const delimiter = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
  const rows: TCsvRow[] = [];
  const problems: TCsvProblem[] = [];
  let from = 0;
  // Each resumption reads the rest of the file again: stop after a few on a badly broken file.
  while (from < text.length && problems.length < MAX_QUOTE_PROBLEMS) {
    const start = from;
    from = text.length;
    let rowStart = start;
    Papa.parse<string[]>(text.slice(start), {
      delimiter,
      newline: '\n',
      step: ({ data: cells, errors, meta }, parser) => {
        const fields = locate(text, rowStart, cells, delimiter);
        const at = rowStart;
        rowStart = start + meta.cursor;
        const quoteError = errors[0];
        if (quoteError) {
          // Papaparse's index is just past the opening quote of the field it could not close.
          const opening = start + (quoteError.index ?? 1) - 1;
          const line = lines.lineOf(opening);
          problems.push({
            line,
            column: fields.findIndex((field) => field.start === opening),
            message: quoteError.code === 'MissingQuotes' ? 'unclosed quote' : 'stray quote',
          });
          from = lines.startOf(line + 1);
          parser.abort();
          return;
        }
        const stray = fields.findIndex((field) => !field.quoted && field.cell.includes('"'));
        const strayField = fields[stray];
        if (strayField) {
          const offset = strayField.start + strayField.cell.indexOf('"');
          problems.push({ line: lines.lineOf(offset), column: stray, message: 'stray quote' });
          return;
        }
        rows.push({ line: lines.lineOf(at), cells });
      },
    });
  }
  return { rows, problems };
}

type TLocatedCell = { cell: string; start: number; quoted: boolean };

/** Where each cell of a row begins in the text: exact up to the first badly quoted cell. */
function locate(
  text: string,
  rowStart: number,
  cells: string[],
  delimiter: string,
): TLocatedCell[] {
  let at = rowStart;
  return cells.map((cell) => {
    const located = { cell, start: at, quoted: text[at] === '"' };
    if (located.quoted) {
      // "…" with inner quotes doubled; papaparse allows blanks before the next delimiter.
      at += cell.length + cell.split('"').length + 1;
      while (at < text.length && text[at] !== delimiter && text[at] !== '\n') at++;
    } else at += cell.length;
    at += delimiter.length;
    return located;
  });
}

/** Physical line of an offset, and offset where a line starts (past the end for a missing one). */
function lineIndex(text: string) {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return {
    lineOf(offset: number): number {
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if ((starts[middle] ?? 0) <= offset) low = middle;
        else high = middle - 1;
      }
      return low + 1;
    },
    startOf(line: number): number {
      return starts[line - 1] ?? text.length + 1;
    },
  };
}
