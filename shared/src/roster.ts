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
  const rows = splitCsv(csv.replace(/^\uFEFF/, ''));
  const header = rows[0];
  if (!header) return { ok: false, errors: [{ line: 1, field: 'header', message: 'empty file' }] };
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
  const body = rows.slice(1).filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  if (body.length > MAX_ROSTER_ROWS) {
    return {
      ok: false,
      errors: [{ line: 1, field: 'file', message: `more than ${MAX_ROSTER_ROWS} members` }],
    };
  }
  const errors: TRosterError[] = [];
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
  return errors.length > 0 ? { ok: false, errors } : { ok: true, members };
}

function messageFor(field: string, fallback: string): string {
  if (field === 'trainingLevel') return `must be one of ${ZTrainingLevel.options.join(', ')}`;
  if (field === 'ambassador') return 'must be yes or no';
  if (field === 'role') return 'must be employee, ambassador or steering';
  return fallback;
}

type TCsvRow = { line: number; cells: string[] };

/** RFC 4180 splitting; the delimiter is whichever of , and ; the header uses. */
function splitCsv(text: string): TCsvRow[] {
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
  const delimiter = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
  const rows: TCsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        cell += char;
      }
    } else if (char === '"') quoted = true;
    else if (char === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += char;
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  }
  return rows;
}
