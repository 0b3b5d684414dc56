import { ZAuthConfig, type TAuthConfig } from '@boucle/shared';
import { ApiError } from './api';

/**
 * How members sign in, from `/auth-config.json`: written beside the web app at deploy time in
 * AWS (Cognito's hosted sign-in), served by `npm start` locally (the demo member list).
 */
export async function authConfigOf(fetcher: typeof fetch): Promise<TAuthConfig> {
  let response: Response;
  try {
    response = await fetcher('/auth-config.json', { cache: 'no-store' });
  } catch {
    throw new ApiError(0, 'network', 'The sign-in settings cannot be reached');
  }
  const parsed = ZAuthConfig.safeParse(await response.json().catch(() => null));
  // Missing or malformed settings are a deployment mistake, not something to retry.
  if (!response.ok || !parsed.success)
    throw new ApiError(500, 'misconfigured', `No valid sign-in settings (${response.status})`);
  return parsed.data;
}
