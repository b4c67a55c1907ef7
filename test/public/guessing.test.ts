import { randomBytes, randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineLabel, engines } from '../test-db.js';
import { fileOnline, publicWorld } from './public-world.js';
import { createApp } from '../../src/http/app.js';
import { loadConfig } from '../../src/config.js';
import { formatTrackingCode, TRACKING_CODE_BYTES } from '../../src/core/tracking/tracking-code.js';

const randomCode = () => formatTrackingCode(randomBytes(TRACKING_CODE_BYTES));
const randomLast4 = () => String(randomInt(0, 10_000)).padStart(4, '0');

/**
 * 10,000 random code/phone guesses: none finds a case, every answer is 404 or 429 (never a 5xx),
 * and the limiter engages. 8,000 run under the default limits from 40 addresses (plus a run at a
 * real code with wrong digits); 2,000 run with the limits raised, so each one reaches the database.
 */
describe.each(engines)('guessing tracking codes %s', (engine) => {
  let w: Awaited<ReturnType<typeof publicWorld>>;
  let realCode: string;
  beforeAll(async () => {
    w = await publicWorld(engine);
    realCode = (await fileOnline(w)).body.trackingCode;
  });
  afterAll(() => w.t.drop());

  const guess = (app: ReturnType<typeof createApp>, code: string, last4: string, ip: string) =>
    app.request('/api/public/track', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify({ code, phoneLast4: last4 }),
    });

  it(`${engineLabel(engine)} finds nothing in 10,000 guesses, answers only 404 or 429, and rate-limits`, async () => {
    const statuses = new Map<number, number>();
    const count = (s: number) => statuses.set(s, (statuses.get(s) ?? 0) + 1);
    for (let i = 0; i < 7_900; i++) count((await guess(w.app, randomCode(), randomLast4(), `10.0.${i % 40}.1`)).status);
    for (let i = 0; i < 100; i++) {
      const last4 = randomLast4();
      count((await guess(w.app, realCode, last4 === '1234' ? '4321' : last4, `10.1.${i}.1`)).status);
    }
    const limited = statuses.get(429) ?? 0;
    // 40 addresses × 10 failures, and 10 at the real code, reach the database; the limiter refuses the rest.
    expect(statuses.get(404)).toBe(40 * 10 + 10);
    expect(limited).toBe(8_000 - 400 - 10);

    const raised = {
      ...w.deps,
      config: loadConfig({ CIVICGRID_TRUST_PROXY: 'true', CIVICGRID_PUBLIC_LOOKUP_FAILURES: '1000000' }),
    };
    const open = createApp(raised);
    for (let i = 0; i < 2_000; i++) count((await guess(open, randomCode(), randomLast4(), '10.2.0.1')).status);

    expect([...statuses.keys()].sort()).toEqual([404, 429]);
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(statuses.get(404)).toBe(400 + 10 + 2_000);
  }, 240_000);

  it(`${engineLabel(engine)} tells a limited caller when to come back, and still answers the right pair after the window`, async () => {
    const r = await guess(w.app, realCode, '1234', '10.0.0.1');
    expect(r.status).toBe(429);
    const wait = Number(r.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(600);
    w.clock.advance(wait * 1000 + 1);
    expect((await guess(w.app, realCode, '1234', '10.0.0.1')).status).toBe(200);
  });
});
