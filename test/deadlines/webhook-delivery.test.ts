import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestDb, engineLabel, engines, type TestDb } from '../test-db.js';
import { makeUnit, makeUser, seedWorld, testPassword } from '../factories.js';
import { testDeps } from '../test-deps.js';
import { client } from '../http-client.js';
import { createApp } from '../../src/http/app.js';
import { manualClock } from '../../src/core/clock.js';
import { systemScope } from '../../src/storage/db.js';
import { enqueue } from '../../src/storage/outbox.repo.js';
import { deliverMessages } from '../../src/app/notify/deliver-messages.js';
import { logSms } from '../../src/app/notify/sms.js';
import { verifySignature } from '../../src/app/notify/webhook-signature.js';
import { createLog } from '../../src/app/log.js';

type Hit = { path: string; key: string; bodyId: string; body: string; signature: string };

/** A receiver on loopback: /good fails the first try of every third message (after reading it), /bad always fails. */
function receiver(hits: Hit[]): Promise<Server> {
  const seen = new Map<string, number>();
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      const key = String(req.headers['x-civicgrid-idempotency-key']);
      hits.push({
        path: req.url ?? '',
        key,
        bodyId: (JSON.parse(body) as { id: string }).id,
        body,
        signature: String(req.headers['x-civicgrid-signature']),
      });
      const n = (seen.get(`${req.url}${key}`) ?? 0) + 1;
      seen.set(`${req.url}${key}`, n);
      const flaky = req.url === '/good' && n === 1 && Number(key.split(':')[1]) % 3 === 0;
      res.statusCode = req.url === '/bad' || flaky ? 500 : 204;
      res.end();
    });
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

describe.each(engines)('webhook delivery %s', (engine) => {
  let t: TestDb;
  let server: Server;
  const hits: Hit[] = [];
  const clock = manualClock(new Date('2026-02-02T02:00:00Z'));
  let deps: ReturnType<typeof testDeps>;
  let admin: ReturnType<typeof client>;
  let leader: number;
  let paths: Awaited<ReturnType<typeof seedWorld>>;

  beforeAll(async () => {
    t = await createTestDb(engine);
    paths = await seedWorld(t.db);
    const unit = await makeUnit(t.db, 'countyA');
    await makeUser(t.db, 'admin1', unit, ['admin']);
    leader = await makeUser(t.db, 'leader1', unit, ['leader']);
    server = await receiver(hits);
    deps = testDeps(t.db, {
      clock,
      env: { CIVICGRID_DELIVERY_BACKOFF_SECONDS: '1', CIVICGRID_SESSION_IDLE_MINUTES: '100000' },
    });
    admin = client(createApp(deps));
    await admin.login('admin1', testPassword);
  });
  afterAll(async () => {
    server.close();
    await t.drop();
  });

  it(`${engineLabel(engine)} delivers every message at least once, signed, with one key per message; 5 failures dead-letter it`, async () => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const good = await admin.post('/api/webhooks', { url: `${base}/good`, topics: ['card.issued'] });
    const bad = await admin.post('/api/webhooks', {
      url: `${base}/bad`,
      topics: ['*'],
      secret: 'a-secret-of-sixteen-or-more',
    });
    expect([good.status, bad.status]).toEqual([201, 201]);
    expect((await admin.get('/api/webhooks')).body.map((w: { secretHint: string }) => w.secretHint)).toEqual([
      `…${good.body.secret.slice(-4)}`,
      '…more',
    ]);
    const keys = Array.from({ length: 30 }, (_, i) => `card:${i}:1:handle:yellow`);
    await t.db.tx(systemScope, (trx) =>
      enqueue(
        trx,
        keys.map((k, i) => ({
          topic: 'card.issued',
          idempotencyKey: k,
          payload: { caseId: i, colour: 'yellow', recipients: [leader] },
          regionPath: paths.townA1,
        })),
        clock.now(),
      ),
    );

    for (let round = 0; round < 8; round++) {
      await deliverMessages(deps, logSms(createLog('silent')));
      clock.advance(60_000);
    }
    const goodHits = hits.filter((h) => h.path === '/good');
    expect(new Set(goodHits.map((h) => h.key))).toEqual(new Set(keys));
    expect(goodHits.every((h) => verifySignature(good.body.secret, h.body, h.signature))).toBe(true);
    expect(goodHits.every((h) => h.key === h.bodyId)).toBe(true);
    expect(goodHits.length).toBe(30 + 10); // every third message came twice, with the same key and body
    const badHits = hits.filter((h) => h.path === '/bad');
    expect(badHits.every((h) => verifySignature('a-secret-of-sixteen-or-more', h.body, h.signature))).toBe(true);
    for (const k of keys) expect(badHits.filter((h) => h.key === k).length).toBe(5);

    const dead = await admin.get('/api/webhooks/dead-letters?pageSize=100');
    expect(dead.body.total).toBe(30);
    expect(
      dead.body.items.every(
        (d: { attempts: number; webhookId: number }) => d.attempts === 5 && d.webhookId === bad.body.id,
      ),
    ).toBe(true);
    expect((await admin.post(`/api/webhooks/dead-letters/${dead.body.items[0].id}/retry`)).status).toBe(204);
    expect((await admin.get('/api/webhooks/dead-letters')).body.total).toBe(29);
    const leaderClient = client(createApp(deps));
    await leaderClient.login('leader1', testPassword);
    expect((await leaderClient.get('/api/inbox')).body.total).toBe(30);
    expect((await leaderClient.get('/api/webhooks')).status).toBe(403);
  });
});

describe.each(engines)('webhook host list %s', (engine) => {
  let t: TestDb;
  let admin: ReturnType<typeof client>;

  beforeAll(async () => {
    t = await createTestDb(engine);
    await seedWorld(t.db);
    const unit = await makeUnit(t.db, 'countyA');
    await makeUser(t.db, 'admin2', unit, ['admin']);
    const deps = testDeps(t.db, { env: { CIVICGRID_WEBHOOK_ALLOWED_HOSTS: 'hooks.example.gov.cn, .partner.gov.cn' } });
    admin = client(createApp(deps));
    await admin.login('admin2', testPassword);
  });
  afterAll(() => t.drop());

  it(`${engineLabel(engine)} refuses URLs outside CIVICGRID_WEBHOOK_ALLOWED_HOSTS with a 400, on create and on change`, async () => {
    for (const url of [
      'http://127.0.0.1:8080/api/admin',
      'http://169.254.169.254/latest/meta-data',
      'https://evil.example.gov.cn/x',
    ]) {
      const r = await admin.post('/api/webhooks', { url, topics: ['*'] });
      expect(r.status, url).toBe(400);
      expect(r.body.error.code).toBe('ValidationFailed');
    }
    const ok = await admin.post('/api/webhooks', { url: 'https://hooks.example.gov.cn/civicgrid', topics: ['*'] });
    expect(ok.status).toBe(201);
    expect((await admin.post('/api/webhooks', { url: 'https://a.partner.gov.cn/in', topics: ['*'] })).status).toBe(201);
    const moved = await admin.patch(`/api/webhooks/${ok.body.id}`, { url: 'http://10.0.0.5/internal' });
    expect(moved.status).toBe(400);
    expect((await admin.get('/api/webhooks')).body.map((w: { url: string }) => w.url).sort()).toEqual([
      'https://a.partner.gov.cn/in',
      'https://hooks.example.gov.cn/civicgrid',
    ]);
  });
});

describe.each(engines)('webhooks by jurisdiction %s', (engine) => {
  let t: TestDb;
  let server: Server;
  const hits: Hit[] = [];
  const clock = manualClock(new Date('2026-02-02T02:00:00Z'));
  let deps: ReturnType<typeof testDeps>;
  let paths: Awaited<ReturnType<typeof seedWorld>>;

  beforeAll(async () => {
    t = await createTestDb(engine);
    paths = await seedWorld(t.db);
    for (const r of ['countyA', 'countyB', 'townA1'] as const)
      await makeUser(t.db, `admin-${r.toLowerCase()}`, await makeUnit(t.db, r), ['admin']);
    server = await receiver(hits);
    deps = testDeps(t.db, { clock });
  });
  afterAll(async () => {
    server.close();
    await t.drop();
  });

  it(`${engineLabel(engine)} a '*' webhook receives the events of its administrator's jurisdiction only`, async () => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    for (const r of ['countyA', 'countyB', 'townA1']) {
      const admin = client(createApp(deps));
      await admin.login(`admin-${r.toLowerCase()}`, testPassword);
      const made = await admin.post('/api/webhooks', { url: `${base}/${r}`, topics: ['*'] });
      expect(made.status).toBe(201);
      expect(made.body.regionPath).toBe(paths[r as 'countyA']);
    }
    const events = [
      { key: 'case:1:in-township-A1', regionPath: paths.villageA1 },
      { key: 'case:2:in-township-A2', regionPath: paths.townA2 },
      { key: 'case:3:in-county-B', regionPath: paths.townB1 },
      { key: 'system:no-region', regionPath: null },
    ];
    await t.db.tx(systemScope, (trx) =>
      enqueue(
        trx,
        events.map((e) => ({
          topic: 'case.cluster',
          idempotencyKey: e.key,
          payload: { caseId: 1, recipients: [] },
          regionPath: e.regionPath,
        })),
        clock.now(),
      ),
    );
    await deliverMessages(deps, logSms(createLog('silent')));
    const received = (path: string) =>
      hits
        .filter((h) => h.path === path)
        .map((h) => h.key)
        .sort();
    expect(received('/countyA')).toEqual(['case:1:in-township-A1', 'case:2:in-township-A2']);
    expect(received('/townA1')).toEqual(['case:1:in-township-A1']);
    expect(received('/countyB')).toEqual(['case:3:in-county-B']);
  });
});
