/** `npm run openapi`: writes docs/openapi.json from the zod schemas (a test checks it is current). */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openApiDocument } from '../functions/src/http/openapi.js';

const target = resolve(import.meta.dirname, '../docs/openapi.json');
writeFileSync(target, `${JSON.stringify(openApiDocument(), null, 2)}\n`);
console.log(`wrote ${target}`);
