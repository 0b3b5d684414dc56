import * as z from 'zod';
import type { TRouteConfig } from './route-definition.js';
import { apiRoutes } from './routes.js';

type TJsonSchema = Record<string, unknown>;
type TContent = Record<string, { schema: z.ZodType }>;

const COMPONENTS = '#/components/schemas/';

/**
 * The OpenAPI 3.1 document of the API, generated from the route list and its zod schemas with
 * zod's own `z.toJSONSchema`: schemas named with `.meta({ id })` become components.
 */
export function openApiDocument() {
  const components = new Map<string, TJsonSchema>();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of apiRoutes) {
    (paths[route.path] ??= {})[route.method] = operationOf(route, components);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Boucle API',
      version: '0.1.0',
      description:
        'The feedback loop of a change programme run in iterations. `x-roles` lists the roles a ' +
        'route accepts (none: public), `x-function` the Lambda function that serves it (`local`: ' +
        '`npm start` and tests only), `x-max-body-bytes` the largest body it takes.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: Object.fromEntries([...components].sort(([a], [b]) => a.localeCompare(b))),
    },
    paths,
  };
}

function operationOf(route: TRouteConfig, components: Map<string, TJsonSchema>) {
  // Everything but the route's head and schemas passes as is: summary, x-roles, security…
  const { method: _method, path: _path, request, responses, ...rest } = route;
  const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
    jsonSchemaOf(schema, io, components);
  const parameters = [
    ...parametersOf(request?.params, 'path', jsonSchema),
    ...parametersOf(request?.query, 'query', jsonSchema),
  ];
  const body = request?.body as { required?: boolean; content: TContent } | undefined;
  return {
    ...rest,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(body
      ? { requestBody: { required: body.required, content: contentOf(body.content, 'input') } }
      : {}),
    responses: Object.fromEntries(
      Object.entries(responses).map(([status, answer]) => {
        const { description, content } = answer as { description: string; content?: TContent };
        return [
          status,
          { description, ...(content ? { content: contentOf(content, 'output') } : {}) },
        ];
      }),
    ),
  };

  function contentOf(content: TContent, io: 'input' | 'output') {
    return Object.fromEntries(
      Object.entries(content).map(([type, { schema }]) => [
        type,
        { schema: jsonSchema(schema, io) },
      ]),
    );
  }
}

/** Path or query parameters: one per field of the route's object schema. */
function parametersOf(
  schema: unknown,
  where: 'path' | 'query',
  jsonSchema: (schema: z.ZodType, io: 'input') => TJsonSchema,
) {
  if (!(schema instanceof z.ZodObject)) return [];
  const object = jsonSchema(schema, 'input') as {
    properties: Record<string, TJsonSchema>;
    required?: string[];
  };
  return Object.entries(object.properties).map(([name, fieldSchema]) => ({
    schema: fieldSchema,
    required: where === 'path' || (object.required ?? []).includes(name),
    ...(typeof fieldSchema.description === 'string'
      ? { description: fieldSchema.description }
      : {}),
    name,
    in: where,
  }));
}

/**
 * A schema as JSON Schema, the named schemas it uses moved to the components: what a request
 * takes is described as sent (`input`: defaults optional), what an answer holds as received.
 */
function jsonSchemaOf(
  schema: z.ZodType,
  io: 'input' | 'output',
  components: Map<string, TJsonSchema>,
): TJsonSchema {
  const generated = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    // `.int()` adds the safe-integer bounds to every integer: they say nothing to a reader.
    override: ({ jsonSchema }) => {
      if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
      if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
    },
  });
  const {
    $schema: _dialect,
    $defs,
    ...json
  } = JSON.parse(
    JSON.stringify(generated).replaceAll('"#/$defs/', `"${COMPONENTS}`),
  ) as TJsonSchema & { $defs?: Record<string, TJsonSchema> };
  // A schema used both ways is described as answered: the first description of it wins otherwise.
  for (const [id, definition] of Object.entries($defs ?? {})) {
    if (io === 'output' || !components.has(id)) components.set(id, definition);
  }
  return json;
}
