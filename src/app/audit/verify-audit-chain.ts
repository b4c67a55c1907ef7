import { createHash } from 'node:crypto';
import type { Db } from '../../storage/db.js';
import { systemScope } from '../../storage/db.js';
import { readChain, readHead } from '../../storage/audit.repo.js';
import type { AuditVerification } from '../../contract/audit.js';

const genesis = '0'.repeat(64);
const batch = 5000;

/**
 * Walks the whole chain in id order and recomputes every hash; names the first record whose
 * content, link or position does not match (an edited, deleted or inserted record).
 */
export async function verifyAuditChain(db: Db): Promise<AuditVerification> {
  let prev = genesis;
  let expectedId = 1;
  let checked = 0;
  for (;;) {
    const rows = await db.tx(systemScope, (trx) => readChain(trx, expectedId - 1, batch));
    for (const row of rows) {
      const broken = check(row, prev, expectedId);
      if (broken) return { ok: false, checked, firstBrokenId: broken.id, reason: broken.reason };
      prev = row.hash;
      expectedId += 1;
      checked += 1;
    }
    if (rows.length < batch) return checkTail(db, checked, expectedId - 1);
  }
}

function check(row: { id: number; prevHash: string; hash: string; content: string }, prev: string, expectedId: number) {
  if (row.id !== expectedId) return { id: expectedId, reason: `record ${expectedId} is missing` };
  if (row.prevHash !== prev) return { id: row.id, reason: `record ${row.id} does not link to record ${row.id - 1}` };
  const hash = createHash('sha256')
    .update(prev + row.content, 'utf8')
    .digest('hex');
  if (hash !== row.hash) return { id: row.id, reason: `record ${row.id} was changed after it was written` };
  return null;
}

/** A deleted last record leaves no gap to see; the chain's head still remembers it. */
async function checkTail(db: Db, checked: number, lastId: number): Promise<AuditVerification> {
  const head = await db.tx(systemScope, (trx) => readHead(trx));
  if (head.lastId !== lastId) {
    return {
      ok: false,
      checked,
      firstBrokenId: lastId + 1,
      reason: `records ${lastId + 1}–${head.lastId} are missing`,
    };
  }
  return { ok: true, checked, firstBrokenId: null, reason: null };
}
