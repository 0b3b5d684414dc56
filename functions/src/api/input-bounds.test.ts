/**
 * Nothing a client sends reaches DynamoDB unbounded: every string of every route's path, query
 * and JSON body has a maximum length (or is one of a fixed set), every array a maximum number of
 * items. Walks the one route list, so a future route is checked too.
 */
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { apiRoutes } from './routes.js';

type TJsonSchema = { [key: string]: unknown };

/** Where in a schema a string or an array has no bound, as JSON pointers. */
function unbounded(schema: unknown, at: string): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const node = schema as TJsonSchema;
  const found: string[] = [];
  const fixed = 'enum' in node || 'const' in node;
  if (node.type === 'string' && !fixed && typeof node.maxLength !== 'number') found.push(at);
  if (node.type === 'array' && typeof node.maxItems !== 'number') found.push(at);
  for (const [key, child] of Object.entries(node)) {
    if (Array.isArray(child)) {
      child.forEach((item, index) => found.push(...unbounded(item, `${at}/${key}/${index}`)));
    } else if (typeof child === 'object') {
      found.push(...unbounded(child, `${at}/${key}`));
    }
  }
  return found;
}

/** What a route reads from a request, as its definition holds it. */
type TRequestParts = {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: { content: Record<string, { schema: z.ZodType } | undefined> };
};

/** The schemas a route reads from a request: path, query and JSON body. */
function inputsOf(route: object): [string, z.ZodType][] {
  if (!('request' in route)) return [];
  const request = route.request as TRequestParts;
  const body = request.body?.content['application/json']?.schema;
  return [
    ['params', request.params],
    ['query', request.query],
    ['body', body],
  ].filter((input): input is [string, z.ZodType] => input[1] !== undefined);
}

describe('every input of every route is bounded', () => {
  const cases = apiRoutes.flatMap((route) =>
    inputsOf(route).map(([part, schema]) => ({
      name: `${route.method.toUpperCase()} ${route.path} ${part}`,
      schema,
    })),
  );

  it('covers the routes that take input', () => {
    expect(cases.length).toBeGreaterThan(30);
  });

  it.each(cases)('$name', ({ schema }) => {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
    expect(unbounded(json, '#')).toEqual([]);
  });
});
