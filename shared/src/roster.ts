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

/** How long a superseded roster is kept before an import forgets it (the privacy page says so). */
export const DIRECTORY_RETENTION_DAYS = 30;

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
 * Splits the roster and the adoption figures alike; the delimiter is whichever of , and ; the
 * header uses. A quoted cell may hold delimiters, newlines and doubled quotes, and blanks may
 * follow its closing quote. An unclosed quote, a quote inside an unquoted cell or text after a
 * closing quote is reported with its line and column instead, the row is dropped, and reading
 * resumes on the next line (after an opening quote's line) so that the rest is still checked.
 */
function splitCsv(csv: string): { rows: TCsvRow[]; problems: TCsvProblem[] } {
  // One kind of newline, so that offsets map to physical lines.
  const text = csv.replace(/\r\n?/g, '\n');
  const lines = lineIndex(text);
  const firstLine = text.slice(0, lines.startOf(2) - 1);
  const delimiter = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
  const rows: TCsvRow[] = [];
  const problems: TCsvProblem[] = [];
  let at = 0;
  while (at < text.length && problems.length < MAX_QUOTE_PROBLEMS) {
    const read = readRow(text, at, delimiter);
    if ('cells' in read) {
      rows.push({ line: lines.lineOf(at), cells: read.cells });
      at = read.next;
      continue;
    }
    const line = lines.lineOf(read.offset);
    problems.push({ line, column: read.column, message: read.message });
    at = read.next ?? lines.startOf(line + 1);
  }
  return { rows, problems };
}

type TRowRead =
  | { cells: string[]; next: number }
  /** `next` absent: the quote may have run on, so reading resumes after the problem's line. */
  | { offset: number; column: number; message: string; next?: number };

/** One row from `start`: its cells and where the next row starts, or its first quoting problem. */
function readRow(text: string, start: number, delimiter: string): TRowRead {
  const cells: string[] = [];
  let stray: { offset: number; column: number } | null = null;
  let at = start;
  for (;;) {
    const column = cells.length;
    if (text[at] === '"') {
      const opening = at;
      let cell = '';
      for (at++; ;) {
        const quote = text.indexOf('"', at);
        if (quote === -1) return { offset: opening, column, message: 'unclosed quote' };
        cell += text.slice(at, quote);
        at = quote + 1;
        if (text[at] !== '"') break;
        cell += '"';
        at++;
      }
      while (text[at] === ' ' || text[at] === '\t') at++;
      if (at < text.length && text[at] !== delimiter && text[at] !== '\n') {
        return { offset: opening, column, message: 'stray quote' };
      }
      cells.push(cell);
    } else {
      let end = at;
      while (end < text.length && text[end] !== delimiter && text[end] !== '\n') end++;
      const cell = text.slice(at, end);
      if (!stray && cell.includes('"')) stray = { offset: at + cell.indexOf('"'), column };
      cells.push(cell);
      at = end;
    }
    if (text[at] === delimiter) {
      at++;
      continue;
    }
    const next = at < text.length ? at + 1 : at;
    return stray ? { ...stray, message: 'stray quote', next } : { cells, next };
  }
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
