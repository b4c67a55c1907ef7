import { systemScope, type Db } from '../src/storage/db.js';
import type { Deps } from '../src/app/deps.js';
import { seedOnFirstStart } from '../src/app/seed/seed-on-first-start.js';
import { makeUser } from './factories.js';
import { createTestDb } from './test-db.js';
import type { Engine } from '../src/storage/db.js';
import { testDeps } from './test-deps.js';
import { createApp } from '../src/http/app.js';
import { client } from './http-client.js';

/**
 * The demo county (as `npm start` seeds it) plus two handlers the scenarios need: a township
 * centre handler and a 司法所 officer in the gridworker's township. Demo passwords are `civicgrid-demo`.
 */
export async function seedDemoWorld(deps: Deps) {
  await seedOnFirstStart(deps);
  const db: Db = deps.db;
  const grid = await db.tx(systemScope, (trx) =>
    trx
      .selectFrom('users')
      .select(['grid_code', 'scope_path'])
      .where('username', '=', 'gridworker')
      .executeTakeFirstOrThrow(),
  );
  const [province, city, county, township, village] = grid.scope_path.split('/').filter(Boolean) as [
    string,
    string,
    string,
    string,
    string,
  ];
  const unitAt = (region: string, type: string) =>
    db.tx(systemScope, async (trx) =>
      Number(
        (
          await trx
            .selectFrom('units')
            .select('id')
            .where('region_code', '=', region)
            .where('type_code', '=', type)
            .executeTakeFirstOrThrow()
        ).id,
      ),
    );
  const units = {
    villageCommittee: await unitAt(village, 'mediation_committee'),
    villageStation: await unitAt(village, 'service_centre'),
    townCentre: await unitAt(township, 'service_centre'),
    justiceOffice: await unitAt(township, 'justice_office'),
    countyCentre: await unitAt(county, 'service_centre'),
    countyHr: await unitAt(county, 'human_resources'),
  };
  await makeUser(db, 'townhandler', units.townCentre, ['mediator']);
  await makeUser(db, 'justice', units.justiceOffice, ['mediator']);
  return { codes: { province, city, county, township, village, grid: grid.grid_code! }, units };
}

/** A fresh database on `engine` with the demo world, and one signed-in HTTP client per named demo account. */
export async function demoWorldSignedIn(engine: Engine, usernames: readonly string[]) {
  const t = await createTestDb(engine);
  const deps = testDeps(t.db);
  const world = await seedDemoWorld(deps);
  const app = createApp(deps);
  const as: Record<string, ReturnType<typeof client>> = {};
  for (const u of usernames) {
    as[u] = client(app);
    const r = await as[u]!.login(u, 'civicgrid-demo');
    if (r.status !== 200) throw new Error(`demo login ${u}: ${JSON.stringify(r.body)}`);
  }
  return { t, world, as };
}
