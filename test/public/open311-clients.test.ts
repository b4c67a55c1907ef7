import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineLabel, engines } from '../test-db.js';
import { fileOnline, leaksIn, publicWorld } from './public-world.js';
import { wellFormed } from './xml-check.js';
import { systemScope } from '../../src/storage/db.js';
import { importGridsGeojson } from '../../src/app/regions/import-grids-geojson.js';

const form = (o: Record<string, string>) => new URLSearchParams(o).toString();
const tag = (xml: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];

/**
 * Issue 11 points 11 and 16: Open311 as FixMyStreet's own client uses it — form-encoded POSTs to
 * requests.xml, XML answers, e-mail without a phone, Latin names, attributes, photos — one test per
 * finding, each failing before its fix.
 */
describe.each(engines)('Open311 for FixMyStreet-shaped clients %s', (engine) => {
  let w: Awaited<ReturnType<typeof publicWorld>>;
  let key: string;
  let villageKey: string;
  let courtKey: string;
  beforeAll(async () => {
    w = await publicWorld(engine);
    const admin = await w.login('admin');
    const keyFor = async (body: Record<string, string>) =>
      (await admin.post('/api/partner-keys', { regionCode: w.world.codes.county, ...body })).body.key as string;
    key = await keyFor({ name: 'FixMyStreet 雨花台', channel: 'online' });
    villageKey = await keyFor({ name: '村务小程序', channel: 'online', regionCode: w.world.codes.village });
    courtKey = await keyFor({ name: '区人民法院 诉调对接', channel: 'transfer', transferSource: 'court' });
    for (const u of ['dispatcher', 'mediator']) await w.login(u);
  });
  afterAll(() => w.t.drop());

  const base = () => ({
    api_key: key,
    service_code: 'neighbour_leak',
    jurisdiction_id: w.world.codes.village,
    address_string: '雨花西路88号',
    description: '楼顶漏水',
    first_name: '敏',
    last_name: '周',
    email: 'zhou.min@example.com',
  });
  /** FixMyStreet's call: POST requests.xml, form-encoded; answers the XML text and the new id. */
  const post = async (fields: Record<string, string>, apiKey = key) => {
    const r = await w.call('POST', '/open311/v2/requests.xml', form({ ...fields, api_key: apiKey }));
    expect(r.headers.get('content-type')).toMatch(/^text\/xml/);
    expect(wellFormed(r.text), r.text).toBe(true);
    return { ...r, id: tag(r.text, 'service_request_id') };
  };
  const staffCase = async (id: string) => (await w.staff.dispatcher!.get(`/api/cases/${id}`)).body;
  const stored = (id: string) =>
    w.t.db.tx(systemScope, async (trx) => ({
      request: await trx
        .selectFrom('open311_requests')
        .selectAll()
        .where('case_id', '=', Number(id))
        .executeTakeFirst(),
      parties: await trx.selectFrom('case_parties').selectAll().where('case_id', '=', Number(id)).execute(),
    }));
  const published = async (query = '') => (await w.call('GET', `/open311/v2/requests.json${query}`)).body as any[];

  it(`${engineLabel(engine)} refuses a point outside the key's jurisdiction (by its boundaries when stored)`, async () => {
    // no boundary stored yet: only China's extent can judge, and Paris lies outside it
    const paris = await post({ ...base(), lat: '48.8566', long: '2.3522' });
    expect(paris.status, paris.text).toBe(400);
    expect(tag(paris.text, 'code')).toBe('400');
    const fixture = JSON.parse(await readFile(new URL('../fixtures/grids-320114.geojson', import.meta.url), 'utf8'));
    await importGridsGeojson(w.deps, { geojson: fixture });
    const beijing = await post({ ...base(), lat: '39.9042', long: '116.4074' });
    expect(beijing.status, beijing.text).toBe(400);
    expect(tag(beijing.text, 'description')).toMatch(/outside/);
    const points: [string, string][] = [
      ['31.992', '118.772'], // in 第1网格
      ['31.986', '118.771'], // between the county's grids: inside the box they span
    ];
    for (const [lat, long] of points) {
      const inside = await post({ ...base(), lat, long });
      expect(inside.status, inside.text).toBe(200);
    }
  });

  it(`${engineLabel(engine)} keeps an e-mail given without a phone as the applicant's contact, encrypted`, async () => {
    const made = await post(base());
    expect(made.status, made.text).toBe(200);
    const { parties } = await stored(made.id!);
    expect(parties).toHaveLength(1);
    expect(parties[0]!.email_enc).toBeTruthy();
    expect(parties[0]!.email_enc).not.toContain('zhou.min');
    expect(parties[0]!.phone_enc).toBeNull();
    const masked = (await staffCase(made.id!)).parties[0];
    expect(masked).toMatchObject({ name: '周敏', phone: null, email: 'z***@example.com', masked: true });
    const revealed = await w.staff.dispatcher!.post(`/api/cases/${made.id}/parties/reveal`, { reason: '回电核实情况' });
    expect(revealed.status, JSON.stringify(revealed.body)).toBe(200);
    expect(revealed.body[0].email).toBe('zhou.min@example.com');
    expect((await post({ ...base(), email: 'not an address' })).status).toBe(400);
  });

  it(`${engineLabel(engine)} joins first_name and last_name with a space where Latin, none where CJK`, async () => {
    const latin = await post({ ...base(), first_name: 'Min', last_name: 'Zhou', email: 'min@example.com' });
    expect((await staffCase(latin.id!)).parties[0].name).toBe('Min Zhou');
    const han = await post({ ...base(), first_name: '小明', last_name: '欧阳' });
    expect((await staffCase(han.id!)).parties[0].name).toBe('欧阳小明');
  });

  it(`${engineLabel(engine)} gives the title the description on one line`, async () => {
    const made = await post({ ...base(), description: 'Pothole on\r\n  Main   Street\n\n\tvery deep' });
    const c = await staffCase(made.id!);
    expect(c.title).toBe('Pothole on Main Street very deep');
    expect(c.description).toBe('Pothole on\r\n  Main   Street\n\n\tvery deep');
  });

  it(`${engineLabel(engine)} keeps attributes and media_url on the case, and takes a 600 KB photo without storing it`, async () => {
    const made = await post({
      ...base(),
      'attribute[floor]': '3',
      'attribute[kinds][]': 'roof',
      media_url: 'https://fixmystreet.example/photo/1.jpeg',
    });
    expect(made.status, made.text).toBe(200);
    expect((await stored(made.id!)).request!.attributes).toEqual({
      attributes: { floor: '3', kinds: ['roof'] },
      media_url: 'https://fixmystreet.example/photo/1.jpeg',
    });
    const c = await staffCase(made.id!);
    expect(c.description).toContain('楼顶漏水');
    expect(c.description).toContain('floor：3');
    expect(c.description).toContain('https://fixmystreet.example/photo/1.jpeg');
    expect(c.title).toBe('楼顶漏水');

    const body = new FormData();
    for (const [k, v] of Object.entries({ ...base(), 'attribute[floor]': '5' })) body.append(k, v);
    body.append('media', new Blob([new Uint8Array(600 * 1024)], { type: 'image/jpeg' }), 'photo.jpg');
    const r = await w.app.request('/open311/v2/requests.xml', { method: 'POST', body });
    const text = await r.text();
    expect(r.status, text).toBe(200);
    const id = tag(text, 'service_request_id')!;
    expect((await stored(id)).request!.attributes).toEqual({
      attributes: { floor: '5' },
      media_dropped: [{ field: 'media', name: 'photo.jpg', type: 'image/jpeg', size: 600 * 1024 }],
    });
    expect((await staffCase(id)).description).toContain('未保存的上传文件：photo.jpg（image/jpeg，600 KB）');
    expect(media(text)).toBe('');
  });
  const media = (xml: string) => tag(xml, 'media_url') ?? '';

  it(`${engineLabel(engine)} gives as expected_datetime the handling deadline, not the current stage's`, async () => {
    const made = await post(base());
    const mine = (await w.call('GET', `/open311/v2/requests/${made.id}.json`)).body[0];
    expect(mine.expected_datetime).toBe('');
    let c = await staffCase(made.id!);
    if (c.leadUnit.id !== w.world.units.villageCommittee) {
      const r = await w.staff.dispatcher!.post(`/api/cases/${c.id}/actions/redispatch`, {
        expectedVersion: c.version,
        unitId: w.world.units.villageCommittee,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      c = r.body;
    }
    const signed = await w.staff.mediator!.post(`/api/cases/${c.id}/actions/sign`, { expectedVersion: c.version });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    const stages = await w.t.db.tx(systemScope, (trx) =>
      trx.selectFrom('assignment_stages').select(['stage', 'due_at']).where('case_id', '=', Number(made.id)).execute(),
    );
    const handle = stages.find((s) => s.stage === 'handle')!;
    const after = (await w.call('GET', `/open311/v2/requests/${made.id}.json`)).body[0];
    expect(new Date(after.expected_datetime).getTime()).toBe(new Date(handle.due_at!).getTime());
    const xml = (await w.call('GET', `/open311/v2/requests/${made.id}.xml`)).text;
    expect(tag(xml, 'expected_datetime')).toBe(after.expected_datetime);
  });

  it(`${engineLabel(engine)} honours jurisdiction_id on GETs: a subtree, 404 for an unknown one, 403 outside the key's`, async () => {
    const inVillage = await published(`?jurisdiction_id=${w.world.codes.village}`);
    const inCounty = await published(`?jurisdiction_id=${w.world.codes.county}`);
    expect(inVillage.length).toBeGreaterThan(0);
    const town2 = await w.t.db.tx(systemScope, (trx) =>
      trx
        .selectFrom('regions')
        .select('code')
        .where('parent_code', '=', w.world.codes.county)
        .where('code', '<>', w.world.codes.township)
        .orderBy('code')
        .executeTakeFirstOrThrow(),
    );
    expect(await published(`?jurisdiction_id=${town2.code}`)).toEqual([]);
    expect(inCounty.length).toBeGreaterThanOrEqual(inVillage.length);
    const one = inVillage[0].service_request_id;
    expect((await w.call('GET', `/open311/v2/requests/${one}.json?jurisdiction_id=${town2.code}`)).status).toBe(404);
    expect(
      (await w.call('GET', `/open311/v2/requests/${one}.json?jurisdiction_id=${w.world.codes.village}`)).status,
    ).toBe(200);
    for (const path of ['requests.xml', 'services.xml', `requests/${one}.xml`]) {
      const unknown = await w.call('GET', `/open311/v2/${path}?jurisdiction_id=999999999999`);
      expect(unknown.status, path).toBe(404);
      expect(tag(unknown.text, 'code')).toBe('404');
      const outside = await w.call(
        'GET',
        `/open311/v2/${path}?api_key=${villageKey}&jurisdiction_id=${w.world.codes.county}`,
      );
      expect(outside.status, path).toBe(403);
      expect(tag(outside.text, 'code')).toBe('403');
    }
    expect(
      (await w.call('GET', `/open311/v2/requests.json?api_key=${villageKey}&jurisdiction_id=${w.world.codes.village}`))
        .status,
    ).toBe(200);
  });

  it(`${engineLabel(engine)} reads every closed outcome as closed, merged and not accepted included`, async () => {
    const act = async (who: string, id: number, action: string, body: Record<string, unknown> = {}) => {
      const before = await staffCase(String(id));
      const r = await w.staff[who]!.post(`/api/cases/${id}/actions/${action}`, {
        expectedVersion: before.version,
        ...body,
      });
      expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(200);
      return r.body;
    };
    const onWith = async (unit: number) => {
      const id = Number((await post(base())).id);
      const c = await staffCase(String(id));
      if (c.leadUnit.id !== unit) await act('dispatcher', id, 'redispatch', { unitId: unit });
      return id;
    };
    const main = await onWith(w.world.units.villageCommittee);
    const duplicate = await onWith(w.world.units.villageCommittee);
    await act('dispatcher', duplicate, 'merge', { into: main, note: '同一漏水点的重复反映' });
    const refused = await onWith(w.world.units.villageCommittee);
    await act('mediator', refused, 'sign');
    await act('mediator', refused, 'start_handling', { mode: 'on_site' });
    await act('mediator', refused, 'resolve', {
      outcome: { kind: 'not_accepted', reason: '属物业合同纠纷，已告知向法院起诉' },
    });
    for (const id of [duplicate, refused]) {
      const [r] = (await w.call('GET', `/open311/v2/requests/${id}.json`)).body;
      expect(r.status, JSON.stringify(r)).toBe('closed');
      expect((await published('?status=closed')).map((x) => x.service_request_id)).toContain(String(id));
      expect((await published('?status=open')).map((x) => x.service_request_id)).not.toContain(String(id));
    }
    expect((await w.call('GET', `/open311/v2/requests/${main}.json`)).body[0].status).toBe('open');
  });

  it(`${engineLabel(engine)} never lists a dispute, whatever its channel (a court's transfer, the portal)`, async () => {
    const transfer = await post({ ...base(), account_id: '(2026)苏0114民诉前调7号' }, courtKey);
    expect(transfer.status, transfer.text).toBe(200);
    expect((await staffCase(transfer.id!)).kind).toBe('dispute');
    const portal = await fileOnline(w);
    expect(portal.status).toBe(201);
    const ids = (await published()).map((r) => r.service_request_id);
    expect(ids).not.toContain(transfer.id);
    expect((await w.call('GET', `/open311/v2/requests/${transfer.id}.json`)).status).toBe(404);
    expect((await w.call('GET', `/open311/v2/requests.json?service_request_id=${transfer.id}`)).body).toEqual([]);
    // its own client still follows its token to the id
    const token = tag(transfer.text, 'token')!;
    expect((await w.call('GET', `/open311/v2/tokens/${token}.json`)).body[0].service_request_id).toBe(transfer.id);
    const kinds = await w.t.db.tx(systemScope, (trx) =>
      trx.selectFrom('cases').select(['id', 'kind']).where('id', 'in', ids.map(Number)).execute(),
    );
    expect(new Set(kinds.map((k) => k.kind))).toEqual(new Set(['appeal']));
  });

  it(`${engineLabel(engine)} shows no e-mail, full phone, ID number or staff name in any Open311 body`, () => {
    expect(leaksIn(w.bodies, w.staffNames)).toEqual([]);
    expect(w.bodies.join('\n')).not.toMatch(/zhou\.min@|min@example/);
  });
});
