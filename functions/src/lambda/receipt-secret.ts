import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/**
 * The receipt secret, read once at cold start from Secrets Manager. Only the pulse function
 * imports this, so only its bundle carries the Secrets Manager client.
 */
export async function readReceiptSecret(): Promise<string> {
  const secretId = process.env.RECEIPT_SECRET_ARN;
  if (!secretId) throw new Error('RECEIPT_SECRET_ARN is not set');
  const client = new SecretsManagerClient({});
  try {
    const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
    if (!SecretString) throw new Error(`secret ${secretId} has no string value`);
    return SecretString;
  } finally {
    client.destroy();
  }
}
