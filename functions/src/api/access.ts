import type { TRole } from '@boucle/shared';

/**
 * Which Lambda function serves a route. Split along privileges (docs/deploy.md): what answers
 * pulses holds the receipt secret and cannot read results; what reads results cannot write
 * responses. `local` routes (demo sign-in) exist only under `npm start` and in tests.
 */
export type TFunctionName = 'pulse' | 'steering' | 'local';

/** JSON bodies are small; a route that takes more says so. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

type TAccessInput = {
  /** Roles allowed, any of them; none means no token is needed. */
  roles: readonly TRole[];
  fn: TFunctionName;
  maxBodyBytes?: number;
};

/**
 * Who may call a route, which function serves it and how large its body may be, written once
 * as OpenAPI extensions: the document shows them, the app guards with them, the CDK stack
 * deploys with them.
 */
export function access({ roles, fn, maxBodyBytes = DEFAULT_MAX_BODY_BYTES }: TAccessInput) {
  return {
    'x-roles': roles,
    'x-function': fn,
    'x-max-body-bytes': maxBodyBytes,
    security: roles.length > 0 ? [{ bearer: [] }] : [],
  };
}
