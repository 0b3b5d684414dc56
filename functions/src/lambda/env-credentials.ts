/**
 * What the Lambda bundles get instead of `@aws-sdk/credential-provider-node` (an esbuild alias,
 * `LAMBDA_ALIASES` in infra/src/functions.ts): in Lambda the credentials are always in the
 * environment, so the SDK's default chain (SSO, STS, ini files, IMDS and their nested clients)
 * is dead weight. Never used outside a bundle: `npm start` and the tests keep the whole chain.
 */
export { fromEnv as defaultProvider } from '@aws-sdk/credential-provider-env';
