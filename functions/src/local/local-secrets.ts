import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { generateLocalKeyPair, type TLocalKeyPair } from '../auth/local-issuer.js';

export type TLocalSecrets = { keyPair: TLocalKeyPair; receiptSecret: string };

/** The local signing key and receipt secret, made once and kept so tokens and receipts survive restarts. */
export async function loadOrCreateLocalSecrets(file: string): Promise<TLocalSecrets> {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as TLocalSecrets;
  const secrets: TLocalSecrets = {
    keyPair: await generateLocalKeyPair(),
    receiptSecret: randomBytes(32).toString('hex'),
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}
