import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { validator } from 'hono/validator';
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

function validated(target: 'query' | 'param' | 'json', schema: z.ZodType) {
  return validator(target, async (value) => {
    const result = await schema.safeParseAsync(value);
    if (result.success) return result.data;
    refuseInvalidInput(result);
  });
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
