import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineLabel, engines, type TestDb } from '../test-db.js';
import { demoWorldSignedIn, type seedDemoWorld } from '../demo-world.js';
import type { client } from '../http-client.js';

/**
 * The dispatch centre's queues (issue 5): the case list says how often a case was sent back and how
 * large a burst of similar cases it completed, and `sentBack` splits the received queue into new
 * cases and cases sent back for re-dispatch.
 */
describe.each(engines)('dispatch centre queues %s', (engine) => {
  let t: TestDb;
  let world: Awaited<ReturnType<typeof seedDemoWorld>>;
  let as: Record<string, ReturnType<typeof client>>;

  beforeAll(async () => ({ t, world, as } = await demoWorldSignedIn(engine, ['gridworker', 'mediator', 'dispatcher'])));
  afterAll(() => t.drop());

  const report = async (key: string, title: string, description: string, phone: string) => {
    const r = await as.gridworker!.post(
      '/api/cases',
      {
        kind: 'dispute',
        channel: 'grid',
        title,
        description,
        categoryCode: 'neighbour_noise',
        regionCode: world.codes.grid,
        parties: [{ role: 'applicant', name: '居民', phone }],
      },
      { 'idempotency-key': `queues-${key}` },
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body as { id: number; version: number; status: string };
  };
  const ids = (r: { body: { items: { id: number }[] } }) => r.body.items.map((c) => c.id);

  it(`${engineLabel(engine)} lists a sent-back case in its own queue with its send-back count`, async () => {
    const kept = await report('kept', '广场舞音响声音过大', '每天早上六点广场舞音响吵醒居民', '13500000001');
    const returned = await report('returned', '楼道堆放杂物堵塞通道', '三楼住户长期在楼道堆放纸箱', '13500000002');
    const back = await as.mediator!.post(`/api/cases/${returned.id}/actions/send_back`, {
      expectedVersion: returned.version,
      reasonCode: 'not_responsible',
    });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(back.body).toMatchObject({ status: 'received', sentBackCount: 1 });

    const sentBack = await as.dispatcher!.get('/api/cases?status=received&sentBack=true');
    expect(sentBack.status).toBe(200);
    expect(ids(sentBack)).toEqual([returned.id]);
    expect(sentBack.body.items[0]).toMatchObject({ sentBackCount: 1, clusterSize: 0 });
    expect(ids(await as.dispatcher!.get('/api/cases?status=received&sentBack=false'))).not.toContain(returned.id);
    const never = await as.dispatcher!.get('/api/cases?sentBack=false');
    expect(ids(never)).toContain(kept.id);
    expect(never.body.items.every((c: { sentBackCount: number }) => c.sentBackCount === 0)).toBe(true);
    expect((await as.dispatcher!.get('/api/cases?sentBack=maybe')).status).toBe(400);
  });

  it(`${engineLabel(engine)} tags the case that completes a burst of similar cases in one township with the burst's size`, async () => {
    const burst = [];
    for (let i = 0; i < 5; i++)
      burst.push(
        await report(
          `burst-${i}`,
          '化工厂夜间排放刺鼻气味',
          '小区附近化工厂夜间排放刺鼻气味，居民头晕',
          `1370000000${i}`,
        ),
      );
    const list = await as.dispatcher!.get('/api/cases?q=化工厂&pageSize=10');
    const size = new Map(list.body.items.map((c: { id: number; clusterSize: number }) => [c.id, c.clusterSize]));
    // The fifth similar case within 7 days completes the burst (repeatRules.clusterMinCases) and links the other four.
    expect(size.get(burst[4]!.id)).toBe(5);
    expect(size.get(burst[0]!.id)).toBe(0);
    const detail = await as.dispatcher!.get(`/api/cases/${burst[4]!.id}`);
    expect(detail.body).toMatchObject({ clusterSize: 5, sentBackCount: 0 });
  });
});
