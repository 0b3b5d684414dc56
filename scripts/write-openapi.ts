/** `npm run openapi`: writes docs/openapi.json from the route list (a test checks it is current). */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openApiDocument } from '../functions/src/api/document.js';

const target = resolve(import.meta.dirname, '../docs/openapi.json');
writeFileSync(target, `${JSON.stringify(openApiDocument(), null, 2)}\n`);
console.log(`wrote ${target}`);
