import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type * as z from 'zod';
import type { TApiRoute } from '../api/routes.js';
import type { TAppEnv } from './env.js';
import { refuseInvalidInput } from './refusals.js';

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

/** Checks of a route's input against its schemas, in order: query, path, body media type, body. */
export function inputValidatorsOf(route: TApiRoute): MiddlewareHandler<TAppEnv>[] {
  const validators: MiddlewareHandler<TAppEnv>[] = [];
  if (!('request' in route)) return validators;
  const request: {
    query?: z.ZodType;
    params?: z.ZodType;
    body?: { content: Record<string, { schema: z.ZodType }> };
  } = route.request;
  if (request.query) validators.push(validated('query', request.query));
  if (request.params) validators.push(validated('param', request.params));
  const json = request.body?.content['application/json'];
  if (json) validators.push(acceptOnlyJson, validated('json', json.schema));
  return validators;
}

type TTarget = 'query' | 'param' | 'json';

/**
 * The input, parsed by its schema, for `c.req.valid(target)`; a refusal naming the wrong fields
 * otherwise. Not `hono/validator`: it also reads forms and cookies, which no route takes.
 */
function validated(target: TTarget, schema: z.ZodType): MiddlewareHandler<TAppEnv> {
  return async (c, next) => {
    const result = await schema.safeParseAsync(await inputOf(c, target));
    if (!result.success) refuseInvalidInput(result);
    c.req.addValidatedData(target, result.data as object);
    await next();
  };
}

async function inputOf(c: Context<TAppEnv>, target: TTarget): Promise<unknown> {
  if (target === 'param') return c.req.param();
  if (target === 'query') {
    // A query field given once is a string, given more often a list.
    const queries = Object.entries(c.req.queries());
    return Object.fromEntries(queries.map(([key, all]) => [key, all.length === 1 ? all[0] : all]));
  }
  if (!c.req.header('content-type')) return {};
  try {
    return await c.req.json();
  } catch {
    throw new HTTPException(400, { message: 'Malformed JSON in request body' });
  }
}

/** A body sent as anything but JSON where JSON is expected: 415, not a 400 about empty fields. */
const acceptOnlyJson: MiddlewareHandler<TAppEnv> = async (c, next) => {
  const contentType = c.req.header('content-type');
  const mediaType = contentType?.split(';')[0]?.trim() ?? '';
  const refused = contentType
    ? !JSON_MEDIA_TYPE.test(mediaType)
    : (await c.req.arrayBuffer()).byteLength > 0;
  if (refused) throw new HTTPException(415, { message: 'Unsupported Media Type' });
  await next();
};
