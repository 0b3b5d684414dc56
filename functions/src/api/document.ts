import { OpenAPIHono } from '@hono/zod-openapi';
import { apiRoutes } from './routes.js';

/** The OpenAPI 3.1 document of the API, generated from the route list and its zod schemas. */
export function openApiDocument() {
  // An app used only for its registry: the document needs the definitions, not the handlers.
  const { openAPIRegistry, getOpenAPI31Document } = new OpenAPIHono();
  openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });
  for (const route of apiRoutes) openAPIRegistry.registerPath(route);
  return getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Boucle API',
      version: '0.1.0',
      description:
        'The feedback loop of a change programme run in iterations. `x-roles` lists the roles a ' +
        'route accepts (none: public), `x-function` the Lambda function that serves it (`local`: ' +
        '`npm start` and tests only), `x-max-body-bytes` the largest body it takes.',
    },
  });
}
