import { createHash } from 'node:crypto';

/**
 * The one inline style attribute the app needs: SvelteKit's visually hidden route announcer for
 * screen readers. Allowed by its hash ('unsafe-hashes' covers attribute values, nothing else);
 * the e2e tests fail on any CSP violation, so a SvelteKit change here cannot go unnoticed.
 */
const ALLOWED_STYLE_ATTRIBUTES = [
  'position: absolute; left: 0; top: 0; clip: rect(0 0 0 0); clip-path: inset(50%); overflow: hidden; white-space: nowrap; width: 1px; height: 1px',
];

const sha256 = (text: string): string =>
  `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * The strict content security policy of the web app, shared by `npm start` and CloudFront so
 * the e2e tests run under the policy production uses. The SPA's one inline bootstrap script is
 * allowed by its hash, nothing else inline.
 */
export function contentSecurityPolicy(
  indexHtml: string,
  connectSources: readonly string[] = [],
): string {
  const scriptHashes = [...indexHtml.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(([, body]) =>
    sha256(body ?? ''),
  );
  return [
    "default-src 'none'",
    `script-src 'self' ${scriptHashes.join(' ')}`.trim(),
    `style-src 'self' 'unsafe-hashes' ${ALLOWED_STYLE_ATTRIBUTES.map(sha256).join(' ')}`,
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${connectSources.join(' ')}`.trim(),
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** The other security headers, as CloudFront's security headers policy sets them. */
export const SECURITY_HEADERS = {
  'strict-transport-security': 'max-age=63072000; includeSubDomains; preload',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
} as const;

/**
 * The headers of every API answer (`/api/*`), locally and from CloudFront: JSON is never
 * sniffed into a page, framed, cached by a browser or proxy, or told where it was linked from.
 */
export const API_SECURITY_HEADERS = {
  ...SECURITY_HEADERS,
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
} as const;

/** Whether a path is the API's, however it is spelled (`/API/…`, `/api//…`): never the web app. */
export function isApiPath(path: string): boolean {
  return /^\/api(\/|$)/i.test(path);
}
