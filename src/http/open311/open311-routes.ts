import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Deps } from '../../app/deps.js';
import type { HttpEnv } from '../env.js';
import { isDomainError } from '../../core/errors.js';
import { statusFor } from '../error-map.js';
import { listServices, serviceDefinition } from '../../app/open311/services.js';
import { getRequest, listRequests, tokenStatus } from '../../app/open311/requests.js';
import { createRequest } from '../../app/open311/create-request.js';
import { auditPartnerCall, partnerFor } from './partner-auth.js';
import { respond, type Format } from './respond.js';

/** Splits `name.json` / `name.xml` into the name and the format; null for anything else. */
const split = (file: string): [string, Format] | null => {
  const m = /^(.+)\.(json|xml)$/.exec(file);
  return m ? [decodeURIComponent(m[1]!), m[2] as Format] : null;
};

/**
 * Open311 GeoReport v2 at /open311/v2 (https://wiki.open311.org/GeoReport_v2): services, service
 * definitions, requests (POST with a partner key, form-encoded), tokens; JSON and XML; errors as the
 * spec's list of {code, description}. Public GETs publish no personal data (see app/open311/requests.ts).
 */
export function open311Routes(deps: Deps) {
  const r = new Hono<HttpEnv>();
  r.use('*', bodyLimit({ maxSize: 256 * 1024 }));
  r.onError((e, c) => fail(c, c.req.path.endsWith('.xml') ? 'xml' : 'json', e));
  const run = (format: Format, c: Context<HttpEnv>, root: string, produce: () => Promise<unknown>) =>
    produce().then(
      (v) => respond(c, format, root, v),
      (e) => fail(c, format, e),
    );

  for (const format of ['json', 'xml'] as const) {
    r.get(`/services.${format}`, (c) =>
      run(format, c, 'services', () => withPartner(c, 'services', () => listServices(deps))),
    );
    r.get(`/requests.${format}`, (c) =>
      run(format, c, 'service_requests', () =>
        withPartner(c, 'requests.list', () => listRequests(deps, c.req.query())),
      ),
    );
    r.post(`/requests.${format}`, (c) =>
      run(format, c, 'service_requests', async () => {
        const body = await formOf(c);
        const key = await partnerFor(deps, body.api_key, true);
        return createRequest(deps, key!, body, c.var.requestId, c.req.header('idempotency-key'));
      }),
    );
  }
  r.get('/services/:file', (c) =>
    one(c, 'service_definition', (code) => withPartner(c, 'services.definition', () => serviceDefinition(deps, code))),
  );
  r.get('/requests/:file', (c) =>
    one(c, 'service_requests', (id) => withPartner(c, 'requests.get', () => getRequest(deps, id))),
  );
  r.get('/tokens/:file', (c) =>
    one(c, 'service_requests', (token) => withPartner(c, 'tokens.get', () => tokenStatus(deps, token))),
  );
  r.all('*', (c) =>
    respond(
      c,
      c.req.path.endsWith('.xml') ? 'xml' : 'json',
      'errors',
      [{ code: 404, description: 'no such Open311 resource' }],
      404,
    ),
  );

  function one(c: Context<HttpEnv>, root: string, produce: (name: string) => Promise<unknown>) {
    const parts = split(c.req.param('file') ?? '');
    if (!parts) return respond(c, 'json', 'errors', [{ code: 404, description: 'use a .json or .xml resource' }], 404);
    return run(parts[1], c, root, () => produce(parts[0]));
  }

  /** GETs need no key; a presented key must be live, and then the call is audited under it. */
  async function withPartner<T>(c: Context<HttpEnv>, op: string, produce: () => Promise<T>): Promise<T> {
    const key = await partnerFor(deps, c.req.query('api_key'), false);
    const value = await produce();
    if (key) await auditPartnerCall(deps, key, `open311.${op}`, c.req.path, c.var.requestId);
    return value;
  }
  return r;
}

async function formOf(c: Context<HttpEnv>): Promise<Record<string, string | undefined>> {
  const type = c.req.header('content-type') ?? '';
  const form = /multipart\/form-data|application\/x-www-form-urlencoded/i.test(type) ? await c.req.parseBody() : {};
  const query = c.req.query();
  const out: Record<string, string | undefined> = { ...query };
  for (const [k, v] of Object.entries(form)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** The spec's error list: HTTP status and the same code in the body. */
function fail(c: Context<HttpEnv>, format: Format, e: unknown) {
  if (!isDomainError(e)) {
    c.var.deps?.log.error('open311 failure', { requestId: c.var.requestId, error: (e as Error).message });
    return respond(c, format, 'errors', [{ code: 500, description: 'something went wrong on our side' }], 500);
  }
  const status = statusFor[e.code];
  return respond(c, format, 'errors', [{ code: status, description: e.message }], status);
}
