/**
 * What a careless or hostile client sends instead of a route's happy request, as fast-check
 * arbitraries: any value in place of any field, fields missing or added, bodies that are not
 * JSON, path and query values of any text, huge or strangely encoded.
 */
import fc from 'fast-check';

/** Values DynamoDB, zod or a parser might choke on. */
const edgeCases = fc.constantFrom<unknown>(
  '',
  ' ',
  '0x5',
  '5.0',
  '%205',
  '-1',
  '1e309',
  '../..',
  '__proto__',
  'constructor',
  '\u0000',
  '\ud800',
  '=cmd|/C calc!A0',
  -1,
  0,
  1.5,
  1e308,
  Number.MAX_SAFE_INTEGER + 2,
  true,
  null,
  [],
  {},
);

export const junkText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.nat({ max: 70_000 }).map((length) => 'é'.repeat(length)),
  edgeCases.map(String),
);

/** Any JSON value, nested, huge or edgy. */
export const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  junkText,
  edgeCases,
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 4 }),
);

type TPath = (string | number)[];

/** Every place in a JSON value: its fields and items, nested. */
function placesOf(value: unknown, path: TPath = []): TPath[] {
  if (value === null || typeof value !== 'object') return [path];
  const children = Object.entries(value).flatMap(([key, child]) =>
    placesOf(child, [...path, Array.isArray(value) ? Number(key) : key]),
  );
  return [path, ...children];
}

function changedAt(value: unknown, path: TPath, change: (at: unknown) => unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return change(value);
  const changed = (item: unknown) => {
    const next = changedAt(item, rest, change);
    return next === MISSING ? [] : [next];
  };
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => (index === head ? changed(item) : [item]));
  }
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).flatMap(([key, item]) =>
      key === head ? changed(item).map((next) => [key, next]) : [[key, item]],
    ),
  );
}

const MISSING = Symbol('missing');

/** The happy body with one place replaced by junk, removed, or given an extra field. */
export function spoiled(happy: unknown): fc.Arbitrary<unknown> {
  const places = placesOf(happy);
  return fc.oneof(
    fc
      .tuple(fc.constantFrom(...places), junkValue)
      .map(([path, junk]) => changedAt(happy, path, () => junk)),
    fc
      .constantFrom(...places.filter((path) => path.length > 0), [])
      .map((path) => (path.length > 0 ? changedAt(happy, path, () => MISSING) : undefined)),
    fc
      .tuple(fc.constantFrom(...places), fc.string({ maxLength: 20 }), junkValue)
      .map(([path, key, junk]) =>
        changedAt(happy, path, (at) =>
          at !== null && typeof at === 'object' && !Array.isArray(at) ? { ...at, [key]: junk } : at,
        ),
      ),
    junkValue,
  );
}
