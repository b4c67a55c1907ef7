import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineLabel, engines } from '../test-db.js';
import { fileOnline, publicWorld } from './public-world.js';
import { systemScope } from '../../src/storage/db.js';

const tally = (statuses: number[]) => {
  const m: Record<number, number> = {};
  for (const s of statuses) m[s] = (m[s] ?? 0) + 1;
  return m;
};

/**
 * Issue 11 point 8: the portal's two abuse limits hold under parallel requests. Failed lookups are
 * reserved before the lookup runs, so twenty wrong guesses sent at once after five failures get five
 * more 404s and then 429s; a form token is spent by the submission it allowed, in the same
 * transaction as the case, so a token files one case however its uses are timed.
 */
describe.each(engines)('public limits under parallel requests %s', (engine) => {
  let w: Awaited<ReturnType<typeof publicWorld>>;
  let realCode: string;
  beforeAll(async () => {
    w = await publicWorld(engine);
    realCode = (await fileOnline(w)).body.trackingCode;
  });
  afterAll(() => w.t.drop());

  const track = (code: string, phoneLast4: string, ip: string) =>
    w.call('POST', '/api/public/track', { code, phoneLast4 }, {}, ip);

  it(`${engineLabel(engine)} answers 429 to parallel wrong guesses beyond the allowance (10 failures)`, async () => {
    const ip = '198.51.100.20';
    for (let i = 0; i < 5; i++) expect((await track(realCode, '0000', ip)).status).toBe(404);
    const parallel = await Promise.all(Array.from({ length: 20 }, () => track(realCode, '0000', ip)));
    expect(tally(parallel.map((r) => r.status))).toEqual({ 404: 5, 429: 15 });
    // the right pair is refused too while the window is full: a limit that let it through would confirm it
    expect((await track(realCode, '1234', ip)).status).toBe(429);
  });

  it(`${engineLabel(engine)} takes back the reservation of a lookup that found its case`, async () => {
    const ip = '198.51.100.21';
    const code = (await fileOnline(w, {}, ip)).body.trackingCode;
    const right: number[] = [];
    for (let i = 0; i < 15; i++) right.push((await track(code, '1234', ip)).status);
    expect(tally(right)).toEqual({ 200: 15 });
  });

  const submit = (formToken: string, idempotencyKey: string, ip: string) =>
    w.call(
      'POST',
      '/api/public/cases',
      {
        formToken,
        kind: 'appeal',
        categoryCode: 'neighbour_leak',
        regionCode: w.world.codes.village,
        description: '小区门口路灯坏了两个星期，晚上很黑，请尽快修理。',
        contact: { name: '钱伟', phone: '13900005678' },
      },
      { 'idempotency-key': idempotencyKey },
      ip,
    );
  const casesOf = (phoneLast4Hash: string) =>
    w.t.db.tx(systemScope, (trx) =>
      trx.selectFrom('case_parties').select('case_id').where('phone_last4_hash', '=', phoneLast4Hash).execute(),
    );

  it(`${engineLabel(engine)} lets a form token file one case: a second use answers 400, a retry of the first returns it`, async () => {
    const ip = '198.51.100.30';
    const token = (await w.call('GET', '/api/public/form-token', undefined, {}, ip)).body.token as string;
    w.clock.advance(5_000);
    const first = await submit(token, 'first-key-0001', ip);
    expect(first.status, first.text).toBe(201);
    const second = await submit(token, 'second-key-0002', ip);
    expect(second.status, second.text).toBe(400);
    expect(second.body.error).toMatchObject({ code: 'ValidationFailed', details: { field: 'formToken' } });
    const retry = await submit(token, 'first-key-0001', ip);
    expect(retry.status).toBe(201);
    expect(retry.body.trackingCode).toBe(first.body.trackingCode);
    expect(await casesOf(w.deps.crypto.hash('last4:5678'))).toHaveLength(1);
  });

  it(`${engineLabel(engine)} files one case when one token is sent many times at once`, async () => {
    const ip = '198.51.100.31';
    const token = (await w.call('GET', '/api/public/form-token', undefined, {}, ip)).body.token as string;
    w.clock.advance(5_000);
    const before = (await casesOf(w.deps.crypto.hash('last4:5678'))).length;
    const sent = await Promise.all(Array.from({ length: 4 }, (_, i) => submit(token, `parallel-key-${i}`, ip)));
    expect(tally(sent.map((r) => r.status))).toEqual({ 201: 1, 400: 3 });
    expect(await casesOf(w.deps.crypto.hash('last4:5678'))).toHaveLength(before + 1);
  });

  it(`${engineLabel(engine)} forgets spent tokens once they have expired`, async () => {
    const spent = () =>
      w.t.db.tx(systemScope, (trx) =>
        trx
          .selectFrom('spent_form_tokens')
          .select((e) => e.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      );
    expect(Number((await spent()).n)).toBeGreaterThanOrEqual(2);
    w.clock.advance(25 * 3_600_000);
    const ip = '198.51.100.32';
    const token = (await w.call('GET', '/api/public/form-token', undefined, {}, ip)).body.token as string;
    w.clock.advance(5_000);
    expect((await submit(token, 'late-key-0001', ip)).status).toBe(201);
    expect(Number((await spent()).n)).toBe(1);
  });
});
