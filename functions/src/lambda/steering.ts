import { createLambdaHandler } from '../lambda-handler.js';

/** Steering: iterations, pulses' definitions, roster, results. Never holds the receipt secret. */
export const handler = await createLambdaHandler();
