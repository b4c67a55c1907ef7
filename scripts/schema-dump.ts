// Rewrites src/storage/schema.txt: migrates an empty in-memory database and dumps its schema.
// `npm run schema:dump`; test/storage/schema.test.ts compares the file with both engines.
import { writeFileSync } from 'node:fs';
import { createDb, systemScope } from '../src/storage/db.js';
import { dumpSchema, schemaDumpFile } from '../src/storage/schema-dump.js';

const db = await createDb({ kind: 'pglite', dir: null });
try {
  const text = await db.tx(systemScope, dumpSchema);
  writeFileSync(schemaDumpFile, text);
  console.log(`wrote ${schemaDumpFile} (${text.split('\n').length - 1} lines)`);
} finally {
  await db.close();
}
