import type { $ZodConfig } from 'zod/v4/core';

/**
 * Tells zod not to compile parsers with `new Function`: merely probing for it is reported as a
 * CSP violation. zod keeps its configuration on `globalThis` (one for every copy of zod) and
 * reads `jitless` when a schema is built, so setting it there, before any page's code, covers
 * every schema without loading zod itself, which the pulse page does not (ADR 0026).
 */
export function makeZodJitless(): void {
  const shared = globalThis as { __zod_globalConfig?: $ZodConfig };
  (shared.__zod_globalConfig ??= {}).jitless = true;
}
