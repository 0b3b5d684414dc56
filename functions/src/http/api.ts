import type { OpenAPIHono } from '@hono/zod-openapi';
import type { TAppEnv } from './env.js';

/** The app routes are served on: each handler is registered against its route definition. */
export type TApi = OpenAPIHono<TAppEnv>;
