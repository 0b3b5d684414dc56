import { ZAdoptionInput, type TAdoptionInput } from './adoption.js';
import type { TIteration } from './iteration.js';
import { readCsvTable } from './roster.js';

/** The figures of an iteration, in the order tables, forms and files show them. */
export const ADOPTION_FIGURES = [
  'registeredMembers',
  'weeklyActiveMembers',
  'contributors',
  'posts',
  'comments',
] as const satisfies readonly (keyof TAdoptionInput)[];

/** The file's columns, in the API's words; headers may also use the French words below. */
export const ADOPTION_COLUMNS = ['iteration', ...ADOPTION_FIGURES] as const;
type TAdoptionColumn = (typeof ADOPTION_COLUMNS)[number];

export const MAX_ADOPTION_ROWS = 1_000;

/** Headers as administration consoles and spreadsheets write them, compared without case or accents. */
const HEADER_WORDS: Record<string, TAdoptionColumn> = {
  iteration: 'iteration',
  iterationid: 'iteration',
  registeredmembers: 'registeredMembers',
  registered: 'registeredMembers',
  inscrits: 'registeredMembers',
  membresinscrits: 'registeredMembers',
  weeklyactivemembers: 'weeklyActiveMembers',
  weeklyactive: 'weeklyActiveMembers',
  actifs: 'weeklyActiveMembers',
  actifshebdomadaires: 'weeklyActiveMembers',
  membresactifs: 'weeklyActiveMembers',
  membresactifshebdomadaires: 'weeklyActiveMembers',
  contributors: 'contributors',
  contributeurs: 'contributors',
  posts: 'posts',
  publications: 'posts',
  comments: 'comments',
  commentaires: 'comments',
};

const headerWord = (cell: string) =>
  cell
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s_-]/g, '');

export type TAdoptionCsvError = { line: number; field: string; message: string };
export type TAdoptionCsvRow = { line: number; iterationId: number; adoption: TAdoptionInput };
export type TAdoptionCsvParse =
  { ok: true; rows: TAdoptionCsvRow[] } | { ok: false; errors: TAdoptionCsvError[] };

/**
 * Parses the social network's figures, one line per iteration (comma or semicolon, header
 * row). All or nothing: any error and no line is kept, so that nothing is sent for a file half
 * right. Given the iterations, a line for an unknown one or a draft is an error too.
 */
export function parseAdoptionCsv(
  csv: string,
  iterations?: readonly Pick<TIteration, 'id' | 'status'>[],
): TAdoptionCsvParse {
  const table = readCsvTable(csv);
  if (!table.ok) return table;
  const { header, body, problems } = table;
  const columns = header.cells.map((cell) => HEADER_WORDS[headerWord(cell)]);
  const missing = ADOPTION_COLUMNS.filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    return {
      ok: false,
      errors: missing.map((field) => ({ line: header.line, field, message: 'missing column' })),
    };
  }
  if (body.length === 0) {
    return { ok: false, errors: [{ line: 2, field: 'file', message: 'no iteration in the file' }] };
  }
  if (body.length > MAX_ADOPTION_ROWS) {
    return {
      ok: false,
      errors: [{ line: 1, field: 'file', message: `more than ${MAX_ADOPTION_ROWS} lines` }],
    };
  }
  const errors: TAdoptionCsvError[] = problems.map((problem) => ({
    line: problem.line,
    field: columns[problem.column] ?? `column ${problem.column + 1}`,
    message: problem.message,
  }));
  const statusOf = iterations && new Map(iterations.map((i) => [i.id, i.status]));
  const lineOfIteration = new Map<number, number>();
  const parsedRows: TAdoptionCsvRow[] = [];
  for (const row of body) {
    const numbers = new Map<TAdoptionColumn, number>();
    for (const column of ADOPTION_COLUMNS) {
      const number = wholeNumber(row.cells[columns.indexOf(column)] ?? '');
      if (number === null) {
        errors.push({ line: row.line, field: column, message: 'must be a whole number' });
      } else numbers.set(column, number);
    }
    if (numbers.size < ADOPTION_COLUMNS.length) continue;
    const iterationId = numbers.get('iteration') ?? 0;
    const iterationError = iterationProblem(iterationId, statusOf, lineOfIteration);
    if (iterationError)
      errors.push({ line: row.line, field: 'iteration', message: iterationError });
    if (!lineOfIteration.has(iterationId)) lineOfIteration.set(iterationId, row.line);
    const adoption = ZAdoptionInput.safeParse(Object.fromEntries(numbers));
    if (!adoption.success) {
      for (const issue of adoption.error.issues) {
        errors.push({
          line: row.line,
          field: String(issue.path[0] ?? 'row'),
          message: issue.message,
        });
      }
      continue;
    }
    if (!iterationError) parsedRows.push({ line: row.line, iterationId, adoption: adoption.data });
  }
  return errors.length > 0
    ? { ok: false, errors: errors.sort((a, b) => a.line - b.line) }
    : { ok: true, rows: parsedRows };
}

/** Spreadsheets write thousands with spaces (`1 250`, narrow no-break spaces in French). */
function wholeNumber(cell: string): number | null {
  const digits = cell.replace(/[\s\u00a0\u202f]/g, '');
  return /^\d{1,9}$/.test(digits) ? Number(digits) : null;
}

function iterationProblem(
  id: number,
  statusOf: ReadonlyMap<number, string> | undefined,
  lineOfIteration: ReadonlyMap<number, number>,
): string | null {
  const seen = lineOfIteration.get(id);
  if (seen !== undefined) return `same iteration as line ${seen}`;
  if (id < 1) return 'must be an iteration number';
  if (!statusOf) return null;
  const status = statusOf.get(id);
  if (status === undefined) return 'no such iteration';
  if (status === 'draft') return 'still a draft';
  return null;
}
