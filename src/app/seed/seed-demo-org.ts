import type { Deps } from '../deps.js';
import { systemScope } from '../../storage/db.js';
import { childrenOf, regionByCode, regionsUnder } from '../../storage/region-tree.repo.js';
import { notFound } from '../../core/errors.js';
import { insertUnit } from '../../storage/units.repo.js';
import { insertUser } from '../../storage/users.repo.js';
import { appendAudit } from '../../storage/audit.repo.js';
import { hashPassword } from '../auth/password.js';
import { demoAccounts, demoUnitsByLevel } from './demo-units.js';
import type { Role } from '../../contract/common.js';

/**
 * Gives the demo county its organisation: the units of demoUnitsByLevel at the province, the city,
 * the county, every township and every village, and one account per role (and the province's root
 * administrator). Runs once, on an
 * empty database; returns the accounts it made.
 */
export async function seedDemoOrg(deps: Deps, countyCode: string): Promise<{ username: string; role: string }[]> {
  const at = deps.clock.now();
  const passwordHash = await hashPassword(deps.config.demoPassword);
  return deps.db.tx(systemScope, async (trx) => {
    const county = await regionByCode(trx, countyCode);
    if (!county) throw notFound('region', countyCode);
    const [provinceCode, cityCode] = county.path.split('/') as [string, string];
    const province = await regionByCode(trx, provinceCode);
    const city = await regionByCode(trx, cityCode);
    if (!province) throw notFound('region', provinceCode);
    if (!city) throw notFound('region', cityCode);
    const below = await regionsUnder(trx, county.path, [4, 5]);
    const unitIds = new Map<string, number>();
    for (const region of [province, city, county, ...below]) {
      for (const u of demoUnitsByLevel[region.level] ?? []) {
        const id = await insertUnit(trx, {
          typeCode: u.typeCode,
          regionCode: region.code,
          regionPath: region.path,
          name: `${region.name}${u.suffix}`,
          phone: null,
          at,
        });
        unitIds.set(`${region.code}:${u.typeCode}`, id);
      }
    }
    const firstVillage = below.find((r) => r.level === 5);
    const firstGrid = firstVillage && (await childrenOf(trx, firstVillage.code, 1, 1)).items[0];
    for (const a of demoAccounts) {
      const region = a.level === 1 ? province : a.level === 3 ? county : firstVillage;
      if (!region) continue;
      const unitId = unitIds.get(`${region.code}:${a.typeCode}`)!;
      const grid = a.roles.includes('gridworker' as never) ? firstGrid : undefined;
      await insertUser(trx, {
        username: a.username,
        displayName: a.displayName,
        unitId,
        gridCode: grid?.code ?? null,
        scopePath: grid?.path ?? region.path,
        roles: [...a.roles] as Role[],
        passwordHash,
        at,
      });
    }
    await appendAudit(trx, {
      at,
      actorId: null,
      actorName: 'system',
      action: 'seed.demo',
      target: `region:${countyCode}`,
      outcome: 'ok',
      requestId: null,
      details: { units: unitIds.size, users: demoAccounts.length },
    });
    return demoAccounts.map((a) => ({ username: a.username, role: a.roles.join(',') }));
  });
}
