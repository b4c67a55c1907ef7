import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineLabel, engines } from '../test-db.js';
import { leaksIn, publicWorld } from './public-world.js';
import { elementNames, wellFormed } from './xml-check.js';
import { systemScope } from '../../src/storage/db.js';

// Field lists of GeoReport v2 (https://wiki.open311.org/GeoReport_v2), in the spec's order.
const SERVICE = ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'];
const REQUEST = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
];
const CREATED = ['service_request_id', 'token', 'service_notice', 'account_id'];
const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;
const form = (o: Record<string, string>) => new URLSearchParams(o).toString();

describe.each(engines)('Open311 GeoReport v2 %s', (engine) => {
  let w: Awaited<ReturnType<typeof publicWorld>>;
  let hotlineKey: string, transferKey: string;
  const xml = async (path: string, method = 'GET', body?: string) => {
    const r = await w.call(method, `/open311/v2/${path}`, body);
    expect(r.headers.get('content-type')).toMatch(/^text\/xml; charset=utf-8/);
    expect(r.text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(wellFormed(r.text), r.text).toBe(true);
    return r;
  };
  beforeAll(async () => {
    w = await publicWorld(engine);
    const admin = await w.login('admin');
    hotlineKey = (
      await admin.post('/api/partner-keys', {
        name: '12345 热线',
        channel: 'hotline',
        regionCode: w.world.codes.county,
      })
    ).body.key;
    transferKey = (
      await admin.post('/api/partner-keys', {
        name: '区人民法院 诉调对接',
        channel: 'transfer',
        transferSource: 'court',
        regionCode: w.world.codes.county,
      })
    ).body.key;
    await w.login('dispatcher');
  });
  afterAll(() => w.t.drop());

  it(`${engineLabel(engine)} lists categories as services in JSON and XML`, async () => {
    const j = await w.call('GET', '/open311/v2/services.json');
    expect(j.status).toBe(200);
    expect(j.body.length).toBeGreaterThan(10);
    for (const s of j.body) expect(Object.keys(s)).toEqual(SERVICE);
    expect(j.body.find((s: any) => s.service_code === 'neighbour_leak')).toMatchObject({
      metadata: false,
      type: 'realtime',
      group: '邻里纠纷',
    });
    const x = await xml('services.xml');
    expect(elementNames(x.text)).toEqual(['services', 'service', ...SERVICE]);
    expect(x.text.match(/<service>/g)!.length).toBe(j.body.length);
  });

  it(`${engineLabel(engine)} gives each service's definition, and the spec's errors for an unknown one`, async () => {
    expect((await w.call('GET', '/open311/v2/services/neighbour_leak.json')).body).toEqual({
      service_code: 'neighbour_leak',
      attributes: [],
    });
    const x = await xml('services/neighbour_leak.xml');
    expect(x.text).toBe(
      '<?xml version="1.0" encoding="utf-8"?><service_definition><service_code>neighbour_leak</service_code><attributes/></service_definition>',
    );
    const missing = await w.call('GET', '/open311/v2/services/nope.json');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual([{ code: 404, description: expect.any(String) }]);
    const mx = await xml('services/nope.xml');
    expect(mx.status).toBe(404);
    expect(elementNames(mx.text)).toEqual(['errors', 'error', 'code', 'description']);
  });

  it(`${engineLabel(engine)} creates requests only with a live partner key, with the key's channel`, async () => {
    const base = {
      service_code: 'neighbour_leak',
      lat: '32.0301',
      long: '118.7801',
      description: '小区3栋楼顶漏水',
      first_name: '敏',
      last_name: '周',
      phone: '13911112222',
      jurisdiction_id: w.world.codes.village,
    };
    const none = await w.call('POST', '/open311/v2/requests.json', form(base));
    expect(none.status).toBe(403);
    expect(none.body).toEqual([{ code: 403, description: expect.any(String) }]);
    expect(
      (await w.call('POST', '/open311/v2/requests.json', form({ ...base, api_key: 'cgk_not-a-real-key-000000000000' })))
        .status,
    ).toBe(403);
    expect(
      (await w.call('POST', '/open311/v2/requests.json', form({ ...base, api_key: hotlineKey, service_code: 'nope' })))
        .status,
    ).toBe(404);
    expect(
      (await w.call('POST', '/open311/v2/requests.json', form({ api_key: hotlineKey, service_code: 'neighbour_leak' })))
        .status,
    ).toBe(400);

    const made = await w.call('POST', '/open311/v2/requests.json', form({ ...base, api_key: hotlineKey }));
    expect(made.status, made.text).toBe(200);
    expect(Object.keys(made.body[0])).toEqual(CREATED);
    const viaXml = await xml(
      'requests.xml',
      'POST',
      form({ ...base, api_key: transferKey, account_id: '(2026)苏0114民诉前调123号' }),
    );
    expect(elementNames(viaXml.text)).toEqual(['service_requests', 'request', ...CREATED]);
    const transferId = /<service_request_id>(\d+)<\/service_request_id>/.exec(viaXml.text)![1];

    const staff = await w.staff.dispatcher!.get('/api/cases?pageSize=50');
    const byId = new Map(staff.body.items.map((c: any) => [String(c.id), c]));
    expect((byId.get(made.body[0].service_request_id) as any).channel).toBe('hotline');
    expect(byId.get(transferId!) as any).toMatchObject({ channel: 'transfer', kind: 'dispute' });

    const tok = await w.call('GET', `/open311/v2/tokens/${made.body[0].token}.json`);
    expect(tok.body).toEqual([{ service_request_id: made.body[0].service_request_id, token: made.body[0].token }]);
    const tx = await xml(`tokens/${made.body[0].token}.xml`);
    expect(elementNames(tx.text)).toEqual(['service_requests', 'request', 'service_request_id', 'token']);
    expect((await w.call('GET', '/open311/v2/tokens/unknown-token-1.json')).status).toBe(404);

    const audit = await w.t.db.tx(systemScope, (trx) =>
      trx
        .selectFrom('audit_log')
        .select(['actor_name', 'action', 'outcome'])
        .where('actor_name', 'like', 'partner:%')
        .execute(),
    );
    expect(audit.filter((a) => a.action === 'case.submit' && a.outcome === 'ok').length).toBe(2);
  });

  it(`${engineLabel(engine)} publishes requests with the spec's fields, filters and defaults, in JSON and XML`, async () => {
    const all = await w.call('GET', '/open311/v2/requests.json');
    expect(all.status).toBe(200);
    // the hotline's appeal; the court's transfer is a dispute and is not published (issue 11 point 11)
    expect(all.body.length).toBe(1);
    for (const r of all.body) {
      expect(Object.keys(r)).toEqual(REQUEST);
      expect(r.status).toMatch(/^(open|closed)$/);
      expect(r.requested_datetime).toMatch(W3C);
      expect(r.description).toBe('');
    }
    const one = all.body[0];
    expect(one.agency_responsible).toBeTruthy();
    // the handling deadline, which starts when the lead unit signs for the case (issue 11 point 16)
    expect(one.expected_datetime).toBe('');
    const x = await xml('requests.xml');
    expect(elementNames(x.text)).toEqual(['service_requests', 'request', ...REQUEST]);

    expect(
      (await w.call('GET', `/open311/v2/requests.json?service_request_id=${one.service_request_id}`)).body,
    ).toEqual([one]);
    expect((await w.call('GET', `/open311/v2/requests/${one.service_request_id}.json`)).body).toEqual([one]);
    expect(elementNames((await xml(`requests/${one.service_request_id}.xml`)).text)).toEqual([
      'service_requests',
      'request',
      ...REQUEST,
    ]);
    expect((await w.call('GET', '/open311/v2/requests/999999.json')).status).toBe(404);
    expect((await w.call('GET', '/open311/v2/requests.json?status=closed')).body).toEqual([]);
    expect((await w.call('GET', '/open311/v2/requests.json?status=open&service_code=neighbour_leak')).body.length).toBe(
      all.body.length,
    );
    expect((await w.call('GET', '/open311/v2/requests.json?service_code=family_marriage')).body).toEqual([]);
    expect((await w.call('GET', '/open311/v2/requests.json?status=pending')).status).toBe(400);
    expect((await w.call('GET', '/open311/v2/requests.json?end_date=2025-01-01T00:00:00Z')).body).toEqual([]);
    expect(
      (
        await w.call(
          'GET',
          '/open311/v2/requests.json?start_date=2026-01-01T00:00:00+08:00&end_date=2026-12-31T00:00:00Z',
        )
      ).body.length,
    ).toBe(all.body.length);
    expect((await w.call('GET', '/open311/v2/requests.csv')).status).toBe(404);

    w.clock.advance(91 * 86_400_000);
    expect((await w.call('GET', '/open311/v2/requests.json')).body).toEqual([]);
    const audited = await w.call('GET', `/open311/v2/services.json?api_key=${hotlineKey}`);
    expect(audited.status).toBe(200);
  });

  it(`${engineLabel(engine)} refuses a revoked key, and only the administrator manages keys`, async () => {
    // the previous test moved the clock 91 days on: the sessions have idled out
    const admin = await w.login('admin');
    await w.login('dispatcher');
    expect(
      (
        await w.staff.dispatcher!.post('/api/partner-keys', {
          name: 'another partner',
          channel: 'online',
          regionCode: w.world.codes.county,
        })
      ).status,
    ).toBe(403);
    const keys = (await admin.get('/api/partner-keys')).body;
    expect(keys.map((k: any) => k.channel)).toEqual(['hotline', 'transfer']);
    expect(JSON.stringify(keys)).not.toContain(hotlineKey);
    expect(
      (
        await admin.post('/api/partner-keys', {
          name: 'province-wide',
          channel: 'online',
          regionCode: w.world.codes.province,
        })
      ).status,
    ).toBe(404);
    const narrow = (
      await admin.post('/api/partner-keys', {
        name: 'village app',
        channel: 'online',
        regionCode: w.world.codes.village,
      })
    ).body.key;
    const outside = await w.call(
      'POST',
      '/open311/v2/requests.json',
      form({
        api_key: narrow,
        service_code: 'neighbour_leak',
        address_string: '街道办',
        jurisdiction_id: w.world.codes.township,
      }),
    );
    expect(outside.status).toBe(403);
    expect(outside.body).toEqual([{ code: 403, description: expect.any(String) }]);
    expect((await admin.post(`/api/partner-keys/${keys[0].id}/revoke`, {})).status).toBe(200);
    expect((await w.call('GET', `/open311/v2/services.json?api_key=${hotlineKey}`)).status).toBe(403);
  });

  it(`${engineLabel(engine)} never shows a full phone, an ID number or a staff name in an Open311 response`, () => {
    expect(leaksIn(w.bodies, w.staffNames)).toEqual([]);
  });
});
