import { createLambdaHandler } from '../lambda-handler.js';
import { readReceiptSecret } from './receipt-secret.js';

/** Answers pulses: /api/me, /api/pulse/current, /api/pulses/{id}/responses, health, OpenAPI. */
export const handler = await createLambdaHandler({ receiptSecret: readReceiptSecret });
