import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineLabel, engines, type TestDb } from '../test-db.js';
import { demoWorldSignedIn, type seedDemoWorld } from '../demo-world.js';
import type { client } from '../http-client.js';

type Stage = {
  stage: string;
  completedAt: string | null;
  canRequestExtension: boolean;
  extensionLeft: { amount: number; unit: string } | null;
};

/**
 * The case page offers 申请延期 exactly where the server would accept it: on a running stage held by
 * the caller's unit, while the policy leaves time and no request awaits a decision.
 */
describe.each(engines)('the case page offers an extension request %s', (engine) => {
  let t: TestDb;
  let world: Awaited<ReturnType<typeof seedDemoWorld>>;
  let as: Record<string, ReturnType<typeof client>>;

  beforeAll(async () => ({ t, world, as } = await demoWorldSignedIn(engine, ['gridworker', 'mediator', 'dispatcher'])));
  afterAll(() => t.drop());

  const stages = async (who: string, id: number): Promise<Stage[]> =>
    (await as[who]!.get(`/api/cases/${id}`)).body.assignments.flatMap((a: { stages: Stage[] }) => a.stages);

  it(`${engineLabel(engine)} to the handling unit's mediator on the running handle stage, until a request is pending`, async () => {
    const filed = await as.gridworker!.post(
      '/api/cases',
      {
        kind: 'dispute',
        channel: 'grid',
        title: '宅基地边界纠纷',
        description: '两户因院墙位置发生争执',
        categoryCode: 'neighbour_noise',
        regionCode: world.codes.grid,
      },
      { 'idempotency-key': 'extension-offer-1' },
    );
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const id = filed.body.id as number;
    // The sign-for stage allows no extension under the default table.
    expect(await stages('mediator', id)).toEqual([
      expect.objectContaining({ stage: 'sign_for', extensionLeft: null, canRequestExtension: false }),
    ]);
    expect(
      (await as.mediator!.post(`/api/cases/${id}/actions/sign`, { expectedVersion: filed.body.version })).status,
    ).toBe(200);

    const handle = (await stages('mediator', id)).find((s) => s.stage === 'handle' && s.completedAt === null)!;
    expect(handle).toMatchObject({ canRequestExtension: true, extensionLeft: { amount: 10, unit: 'calendar_day' } });
    // The county dispatcher sees the stage but does not hold it.
    expect((await stages('dispatcher', id)).find((s) => s.stage === 'handle')!.canRequestExtension).toBe(false);

    const asked = await as.mediator!.post(`/api/cases/${id}/extension-requests`, {
      amount: 3,
      reason: '等待房屋鉴定结果',
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    expect((await stages('mediator', id)).find((s) => s.stage === 'handle')!.canRequestExtension).toBe(false);
    const listed = await as.mediator!.get(`/api/extension-requests?caseId=${id}`);
    expect(listed.body).toEqual([
      expect.objectContaining({ id: asked.body.id, status: 'requested', amount: 3, reason: '等待房屋鉴定结果' }),
    ]);
  });
});
