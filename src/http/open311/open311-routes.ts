import { Hono, type Context } from 'hono';
import type { Deps } from '../../app/deps.js';
import type { HttpEnv } from '../env.js';
import { listServices, serviceDefinition } from '../../app/open311/services.js';
import { getRequest, listRequests, tokenStatus } from '../../app/open311/requests.js';
import { createRequest } from '../../app/open311/create-request.js';
import { jurisdictionPath } from '../../app/open311/jurisdiction.js';
import { partnerFor, partnerRead } from '../../app/partners/partner-calls.js';
import { fail, formatOf, open311Error, respond, type Format } from './respond.js';
import { open311BodyLimit, postedForm, wellFormedRequest } from './open311-input.js';

/** Splits `name.json` / `name.xml` (the router has decoded it once) into the name and the format. */
const split = (file: string): [string, Format] | null => {
  const m = /^(.+)\.(json|xml)$/.exec(file);
  return m ? [m[1]!, m[2] as Format] : null;
};

/**
 * Open311 GeoReport v2 at /open311/v2 (https://wiki.open311.org/GeoReport_v2): services, service
 * definitions, requests (POST with a partner key, form-encoded), tokens; JSON and XML; errors as the
 * spec's list of {code, description}. Public GETs publish no personal data (see app/open311/requests.ts).
 */
export function open311Routes(deps: Deps) {
  const r = new Hono<HttpEnv>();
  r.use('*', wellFormedRequest, open311BodyLimit());
  r.onError((e, c) => fail(c, formatOf(c), e));
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
        withPartner(c, 'requests.list', (under) => listRequests(deps, c.req.query(), under)),
      ),
    );
    r.post(`/requests.${format}`, (c) =>
      run(format, c, 'service_requests', async () => {
        const { fields, ...extras } = await postedForm(c);
        const key = await partnerFor(deps, fields.api_key, true);
        return createRequest(deps, key!, fields, c.var.requestId, c.req.header('idempotency-key'), extras);
      }),
    );
  }
  r.get('/services/:file', (c) =>
    one(c, 'service_definition', (code) => withPartner(c, 'services.definition', () => serviceDefinition(deps, code))),
  );
  r.get('/requests/:file', (c) =>
    one(c, 'service_requests', (id) => withPartner(c, 'requests.get', (under) => getRequest(deps, id, under))),
  );
  r.get('/tokens/:file', (c) =>
    one(c, 'service_requests', (token) => withPartner(c, 'tokens.get', (under) => tokenStatus(deps, token, under))),
  );
  r.all('*', (c) => open311Error(c, formatOf(c), 404, 'no such Open311 resource'));

  function one(c: Context<HttpEnv>, root: string, produce: (name: string) => Promise<unknown>) {
    const parts = split(c.req.param('file') ?? '');
    if (!parts) return open311Error(c, 'json', 404, 'use a .json or .xml resource');
    return run(parts[1], c, root, () => produce(parts[0]));
  }

  /**
   * GETs need no key; a presented key must be live, and then the call is audited under it. A named
   * `jurisdiction_id` must exist and lie within the key's jurisdiction, on every GET.
   */
  function withPartner<T>(
    c: Context<HttpEnv>,
    op: string,
    produce: (underPath: string | undefined) => Promise<T>,
  ): Promise<T> {
    const call = { action: `open311.${op}`, target: c.req.path, requestId: c.var.requestId };
    return partnerRead(deps, c.req.query('api_key'), call, async (key) =>
      produce(await jurisdictionPath(deps, c.req.query('jurisdiction_id'), key)),
    );
  }
  return r;
}
