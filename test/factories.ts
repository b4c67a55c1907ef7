import { systemScope, type Db } from '../src/storage/db.js';
import { seedReference } from '../src/app/seed/seed-reference.js';
import { insertUnit } from '../src/storage/units.repo.js';
import { insertUser } from '../src/storage/users.repo.js';
import { hashPassword } from '../src/app/auth/password.js';
import type { Role } from '../src/contract/common.js';

export const testPassword = 'test-password-1';
let cachedHash: string | undefined;
const passwordHash = async () => (cachedHash ??= await hashPassword(testPassword));

/**
 * A small world for jurisdiction tests:
 *   32 province ─ 3201 city ─ 320101 county A ─ 320101001 township A1 ─ 320101001001 village ─ 32010100100101 grid
 *                                            └ 320101002 township A2 (sibling of A1)
 *                          └ 320102 county B (another branch)
 */
export const world = {
  province: { code: '32', name: '测试省', level: 1 },
  city: { code: '3201', name: '测试市', level: 2, parent: '32' },
  countyA: { code: '320101', name: '甲县', level: 3, parent: '3201' },
  townA1: { code: '320101001', name: '甲一镇', level: 4, parent: '320101' },
  villageA1: { code: '320101001001', name: '甲一村', level: 5, parent: '320101001' },
  gridA1: { code: '320101001001001', name: '第1网格', level: 6, parent: '320101001001' },
  townA2: { code: '320101002', name: '甲二镇', level: 4, parent: '320101' },
  villageA2: { code: '320101002001', name: '甲二村', level: 5, parent: '320101002' },
  countyB: { code: '320102', name: '乙县', level: 3, parent: '3201' },
  townB1: { code: '320102001', name: '乙一镇', level: 4, parent: '320102' },
} as const;
export type WorldRegion = keyof typeof world;

/** The body of a letter petition (来信) filed at a world region; petitions go to county or city centres. */
export const petitionAt = (region: WorldRegion, extra: Record<string, unknown> = {}) => ({
  kind: 'petition',
  channel: 'letter',
  title: `来信 ${region}`,
  description: '反映问题',
  categoryCode: 'other',
  regionCode: world[region].code,
  ...extra,
});

/** Inserts the world's regions (parents first) and the reference data. */
export async function seedWorld(db: Db, at = new Date('2026-01-05T02:00:00Z')): Promise<Record<WorldRegion, string>> {
  const paths = {} as Record<WorldRegion, string>;
  await db.tx(systemScope, async (trx) => {
    await seedReference(trx);
    const byCode: Record<string, string> = {};
    for (const [key, r] of Object.entries(world) as [WorldRegion, (typeof world)[WorldRegion]][]) {
      const parent = 'parent' in r ? r.parent : null;
      const path = `${parent ? byCode[parent] : ''}${r.code}/`;
      byCode[r.code] = path;
      paths[key] = path;
      await trx
        .insertInto('regions')
        .values({ code: r.code, parent_code: parent, level: r.level, name: r.name, path })
        .execute();
    }
    void at;
  });
  return paths;
}

/** A unit of the given type at a world region. */
export async function makeUnit(
  db: Db,
  region: WorldRegion,
  typeCode = 'service_centre',
  at = new Date(),
): Promise<number> {
  const r = world[region];
  const path = await db.tx(
    systemScope,
    async (trx) =>
      (await trx.selectFrom('regions').select('path').where('code', '=', r.code).executeTakeFirstOrThrow()).path,
  );
  return db.tx(systemScope, (trx) =>
    insertUnit(trx, { typeCode, regionCode: r.code, regionPath: path, name: `${r.name}${typeCode}`, phone: null, at }),
  );
}

/** An account with roles in a unit; grid workers get the world's grid unless told otherwise. */
export async function makeUser(
  db: Db,
  username: string,
  unitId: number,
  roles: Role[],
  gridCode?: string,
): Promise<number> {
  const hash = await passwordHash();
  return db.tx(systemScope, async (trx) => {
    const unit = await trx.selectFrom('units').select('region_path').where('id', '=', unitId).executeTakeFirstOrThrow();
    const grid = gridCode
      ? await trx.selectFrom('regions').select('path').where('code', '=', gridCode).executeTakeFirstOrThrow()
      : undefined;
    return insertUser(trx, {
      username,
      displayName: username,
      unitId,
      gridCode: gridCode ?? null,
      scopePath: grid?.path ?? unit.region_path,
      roles,
      passwordHash: hash,
      at: new Date(),
    });
  });
}
