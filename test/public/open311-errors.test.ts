import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineLabel, engines } from '../test-db.js';
import { publicWorld } from './public-world.js';
import { elementNames, wellFormed } from './xml-check.js';

const form = (o: Record<string, string>) => new URLSearchParams(o).toString();

/**
 * Issue 11 point 10: nothing a client sends to the Open311 facade answers 5xx. Each input that
 * answered 500 answers a 4xx Open311 error document instead, in the format the path asked for.
 */
describe.each(engines)('Open311 errors are 4xx %s', (engine) => {
  let w: Awaited<ReturnType<typeof publicWorld>>;
  let key: string;
  let base: Record<string, string>;
  beforeAll(async () => {
    w = await publicWorld(engine);
    const admin = await w.login('admin');
    key = (
      await admin.post('/api/partner-keys', {
        name: '12345 热线',
        channel: 'hotline',
        regionCode: w.world.codes.county,
      })
    ).body.key;
    base = { api_key: key, service_code: 'neighbour_leak', address_string: '雨花路1号', description: '楼顶漏水' };
  });
  afterAll(() => w.t.drop());

  /** Calls the facade and checks the answer is the spec's error list with this status, in JSON or XML. */
  const refused = async (
    status: number,
    method: string,
    path: string,
    body?: string,
    headers: Record<string, string> = {},
  ) => {
    const r = await w.call(method, `/open311/v2/${path}`, body, headers);
    expect(r.status, `${method} ${path}: ${r.text.slice(0, 300)}`).toBe(status);
    if (/\.xml(\?|$)/.test(path)) {
      expect(r.headers.get('content-type')).toMatch(/^text\/xml/);
      expect(wellFormed(r.text), r.text).toBe(true);
      expect(elementNames(r.text)).toEqual(['errors', 'error', 'code', 'description']);
      expect(r.text).toContain(`<code>${status}</code>`);
    } else {
      expect(r.body).toEqual([{ code: status, description: expect.any(String) }]);
    }
    return r;
  };

  it(`${engineLabel(engine)} answers 413 to a body over 256 KB, in JSON and in XML`, async () => {
    const big = form({ ...base, description: '漏'.repeat(100_000) });
    expect(big.length).toBeGreaterThan(256 * 1024);
    await refused(413, 'POST', 'requests.json', big);
    await refused(413, 'POST', 'requests.xml', big);
  });

  it(`${engineLabel(engine)} answers 400 to a NUL in any field, query or body`, async () => {
    for (const q of [
      'service_code=%00',
      'service_code=a%00b',
      'status=open%00',
      'jurisdiction_id=%00',
      'start_date=%00',
    ])
      await refused(400, 'GET', `requests.json?${q}`);
    await refused(400, 'GET', 'services.xml?api_key=%00');
    for (const field of [
      'service_code',
      'description',
      'first_name',
      'last_name',
      'address_string',
      'account_id',
      'email',
    ])
      await refused(400, 'POST', 'requests.json', form({ ...base, [field]: `a\u0000b` }));
    await refused(400, 'POST', 'requests.xml', form({ ...base, 'attribute[floor]': '3\u0000' }));
    await refused(400, 'POST', `requests.json?description=a%00b`, form(base));
  });

  it(`${engineLabel(engine)} answers 400 to dates out of range or not in the calendar`, async () => {
    for (const d of [
      '0000-01-01T00:00:00Z',
      '0001-01-01T00:00:00%2B14:00',
      '99999-01-01T00:00:00Z',
      '2026-02-30T00:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-01-01T24:61:00Z',
      '2026-01-01T00:00:00%2B25:00',
    ]) {
      await refused(400, 'GET', `requests.json?start_date=${d}`);
      await refused(400, 'GET', `requests.xml?end_date=${d}`);
    }
  });

  it(`${engineLabel(engine)} answers 400 to a malformed percent-escape in a path`, async () => {
    await refused(400, 'GET', 'requests/%ZZ.json');
    await refused(400, 'GET', 'services/%ZZ.xml');
    await refused(400, 'GET', 'tokens/%E4%B8.json');
  });

  it(`${engineLabel(engine)} answers 400 to multipart without a boundary, or broken`, async () => {
    await refused(400, 'POST', 'requests.json', 'a=b', { 'content-type': 'multipart/form-data' });
    await refused(400, 'POST', 'requests.xml', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--', {
      'content-type': 'multipart/form-data',
    });
    await refused(400, 'POST', 'requests.json', '--x\r\ngarbage', {
      'content-type': 'multipart/form-data; boundary=x',
    });
  });

  it(`${engineLabel(engine)} still answers a good request afterwards, and a double-escaped name stays escaped`, async () => {
    const made = await w.call('POST', '/open311/v2/requests.json', form(base));
    expect(made.status, made.text).toBe(200);
    // %2561 is the text "%61", not "a": the name is decoded once
    expect((await w.call('GET', '/open311/v2/services/neighbour_le%2561k.json')).status).toBe(404);
    expect((await w.call('GET', '/open311/v2/services/neighbour_le%61k.json')).status).toBe(200);
  });
});
