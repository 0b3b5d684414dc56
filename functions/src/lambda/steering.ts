import { createLambdaHandler } from '../lambda-handler.js';
import { createSteeringApp } from './steering-app.js';

/** Steering: iterations, pulses' definitions, roster, results. Never holds the receipt secret. */
export const handler = await createLambdaHandler({ createApp: createSteeringApp });
