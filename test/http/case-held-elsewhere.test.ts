import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engineLabel, engines, type TestDb } from '../test-db.js';
import { seedDemoWorld } from '../demo-world.js';
import { testDeps } from '../test-deps.js';
import { makeUser, testPassword } from '../factories.js';
import { createApp } from '../../src/http/app.js';
import { client } from '../http-client.js';
import { systemScope } from '../../src/storage/db.js';

/**
 * A user may act on a case because their unit holds it even where their own jurisdiction does not
 * contain the case's region (a grid worker's jurisdiction is one grid; their committee holds cases
 * from the whole village). Row-level security admits such a case because the unit holds it; no join
 * to a region the user cannot see may drop it again from the list or the case page.
 */
describe.each(engines)('a case held by a unit outside its region %s', (engine) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let world: Awaited<ReturnType<typeof seedDemoWorld>>;
  const as: Record<string, ReturnType<typeof client>> = {};

  beforeAll(async () => {
    t = await createTestDb(engine);
    const deps = testDeps(t.db);
    world = await seedDemoWorld(deps);
    app = createApp(deps);
    as.gridworker = client(app);
    await as.gridworker.login('gridworker', 'civicgrid-demo');
  });
  afterAll(() => t.drop());

  it(`${engineLabel(engine)} appears in the list of a holder whose own jurisdiction is another grid, and opens`, async () => {
    // The case goes to the village mediation committee; one of the committee's members is a grid
    // worker for another grid of the village, so their jurisdiction does not contain the case's grid.
    const lead = (
      await as.gridworker!.post(
        '/api/cases',
        {
          kind: 'dispute',
          channel: 'grid',
          title: '宅基地边界纠纷',
          description: '两户对宅基地边界有争议',
          categoryCode: 'neighbour_noise',
          regionCode: world.codes.grid,
          parties: [{ role: 'applicant', name: '王芳', phone: '13812345678' }],
        },
        { 'idempotency-key': 'held-elsewhere-0001' },
      )
    ).body;
    expect(lead.leadUnit, 'dispatched to a lead unit').toBeTruthy();
    const otherGrid = await t.db.tx(systemScope, (trx) =>
      trx
        .selectFrom('regions')
        .select('code')
        .where('parent_code', '=', world.codes.village)
        .where('level', '=', 6)
        .where('code', '!=', world.codes.grid)
        .orderBy('code')
        .executeTakeFirstOrThrow(),
    );
    await makeUser(t.db, 'member', lead.leadUnit.id, ['gridworker'], otherGrid.code);
    const member = client(app);
    await member.login('member', testPassword);

    const list = await member.get('/api/cases?pageSize=50');
    expect(list.status).toBe(200);
    const listed = list.body.items.find((i: { id: number }) => i.id === lead.id);
    expect(listed, 'the holder lists the case its unit holds').toBeTruthy();
    expect(listed.regionName).toBeTruthy();

    const detail = await member.get(`/api/cases/${lead.id}`);
    expect(detail.status, JSON.stringify(detail.body)).toBe(200);
    expect(detail.body.regionName).toBeTruthy();
  });
});
