import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLambdaHandler } from './lambda-handler.js';
import { readReceiptSecret } from './lambda/receipt-secret.js';
import { createPulseApp } from './lambda/pulse-app.js';
import { createSteeringApp } from './lambda/steering-app.js';

const secrets = mockClient(SecretsManagerClient);

const cognito = {
  TABLE_NAME: 'boucle',
  AUTH_ISSUER: 'https://cognito-idp.eu-west-3.amazonaws.com/eu-west-3_pool',
  AUTH_AUDIENCE: 'web-client-id',
  AUTH_JWKS_URL: 'https://cognito-idp.eu-west-3.amazonaws.com/eu-west-3_pool/.well-known/jwks.json',
};

/** An API Gateway HTTP API (payload 2.0) event, as the Lambda receives it. */
function httpEvent(method: string, path: string, headers: Record<string, string> = {}) {
  return {
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'boucle.example', ...headers },
    body: null,
    isBase64Encoded: false,
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      authentication: null,
      authorizer: {},
      domainName: 'boucle.example',
      domainPrefix: 'boucle',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'test' },
      requestId: 'request-1',
      routeKey: `${method} ${path}`,
      stage: '$default',
      time: '27/Nov/2026:10:00:00 +0000',
      timeEpoch: 0,
    },
  };
}

describe('createLambdaHandler', () => {
  const saved = { ...process.env };
  beforeEach(() => {
    secrets.reset();
    Object.assign(process.env, cognito);
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it('serves the pulse routes, checking Cognito tokens, without the demo sign-in', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: 'x'.repeat(64) });
    process.env.RECEIPT_SECRET_ARN = 'arn:aws:secretsmanager:eu-west-3:123456789012:secret:receipt';
    const handler = await createLambdaHandler({
      createApp: createPulseApp,
      receiptSecret: readReceiptSecret,
    });
    expect((await handler(httpEvent('GET', '/api/health'), undefined)).statusCode).toBe(200);
    // The demo sign-in is not served at all in Lambda.
    expect((await handler(httpEvent('GET', '/api/auth/dev-members'), undefined)).statusCode).toBe(
      404,
    );
    const me = await handler(
      httpEvent('GET', '/api/me', { authorization: 'Bearer not-a-jwt' }),
      undefined,
    );
    expect(me.statusCode).toBe(401);
    expect(secrets.commandCalls(GetSecretValueCommand)[0]?.args[0].input.SecretId).toBe(
      process.env.RECEIPT_SECRET_ARN,
    );
  });

  it('reads no secret for the steering function, and serves its routes only', async () => {
    const handler = await createLambdaHandler({ createApp: createSteeringApp });
    expect((await handler(httpEvent('GET', '/api/iterations'), undefined)).statusCode).toBe(401);
    expect((await handler(httpEvent('GET', '/api/me'), undefined)).statusCode).toBe(404);
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(0);
  });

  it('refuses to start the pulse function without its secret', async () => {
    delete process.env.RECEIPT_SECRET_ARN;
    await expect(
      createLambdaHandler({ createApp: createPulseApp, receiptSecret: readReceiptSecret }),
    ).rejects.toThrow('RECEIPT_SECRET_ARN');
  });
});
