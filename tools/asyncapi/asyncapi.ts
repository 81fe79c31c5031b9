/** `npm run asyncapi`: regenerates libs/contracts/asyncapi.json from the event classes. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { asyncApiDocument } from '@westgate/contracts';

const target = join(__dirname, '..', '..', 'libs', 'contracts', 'asyncapi.json');
writeFileSync(target, `${JSON.stringify(asyncApiDocument(), null, 2)}\n`);
console.log(`wrote ${target}`);
