import { createLambdaHandler } from '../lambda-handler.js';
import { createPulseApp } from './pulse-app.js';
import { readReceiptSecret } from './receipt-secret.js';

/** Answers pulses: /api/me, /api/pulse/current, /api/pulses/{id}/responses, health, OpenAPI. */
export const handler = await createLambdaHandler({
  createApp: createPulseApp,
  receiptSecret: readReceiptSecret,
});
