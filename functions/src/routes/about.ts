import { openApiDocument } from '../api/document.js';
import * as routes from '../api/routes.js';
import type { TApi } from '../http/api.js';

/** Public: liveness, and the OpenAPI document generated from the route list. */
export function serveAbout(api: TApi): void {
  api.serve(routes.health, (c) => c.json({ ok: true }, 200));
  api.serve(routes.openApiDocumentRoute, (c) => c.json(openApiDocument(), 200));
}
