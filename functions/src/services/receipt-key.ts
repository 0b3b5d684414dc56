import { createHmac } from 'node:crypto';

/**
 * Receipts are keyed by an HMAC of member and pulse: the receipt proves "this member answered"
 * without storing who, and without the secret nobody can tell whose receipt an item is.
 */
export function receiptKeyOf(secret: string, email: string, pulseId: string): string {
  return createHmac('sha256', secret).update(`${email.toLowerCase()}\n${pulseId}`).digest('hex');
}

/** Vote items are keyed the same way: "this member voted for it", readable with the secret only. */
export function voterKeyOf(secret: string, email: string): string {
  return createHmac('sha256', secret).update(`vote\n${email.toLowerCase()}`).digest('hex');
}
