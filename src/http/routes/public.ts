import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../app/deps.js';
import {
  FormToken,
  PublicCaseView,
  PublicCategory,
  PublicEvaluateInput,
  PublicRegion,
  PublicSubmitInput,
  PublicSubmitted,
  TrackInput,
  UrgeInput,
} from '../../contract/public.js';
import { ErrorBody, RegionCode } from '../../contract/common.js';
import { createPublicGuards } from '../../app/public/public-guards.js';
import { issueFormToken } from '../../app/public/form-token.js';
import { submitPublicCase } from '../../app/public/submit-public-case.js';
import { trackCase } from '../../app/public/track-case.js';
import { urgeCase } from '../../app/public/urge-case.js';
import { evaluateCase } from '../../app/public/evaluate-case.js';
import { listPublicCategories, listPublicRegions } from '../../app/public/public-reference.js';
import { json, jsonBody, newRouter } from '../router.js';
import { clientIp } from '../client-ip.js';

const publicErrors = {
  400: json(ErrorBody, 'Invalid request (also: the form was sent too quickly, or the honeypot was filled)'),
  404: json(ErrorBody, 'No case matches this code and phone (one answer for both halves)'),
  409: json(ErrorBody, "Not possible in the case's status"),
  429: json(ErrorBody, 'Too many attempts; see Retry-After'),
} as const;

const IdempotencyHeader = z.object({
  'idempotency-key': z
    .string()
    .min(8)
    .max(128)
    .regex(/^[A-Za-z0-9._:-]+$/),
});

/**
 * The residents' portal API (/api/public): no session. Its limiters live with the router, one set
 * per application instance (per node).
 */
export function publicRoutes(deps: Deps) {
  const r = newRouter();
  const guards = createPublicGuards(deps.config);
  const ip = (c: Parameters<typeof clientIp>[0]) => clientIp(c, deps.config.public.trustProxy);
  const tags = ['public'];

  r.openapi(
    createRoute({
      tags,
      method: 'get',
      path: '/form-token',
      summary: 'A signed token to send with the submission form',
      responses: { 200: json(FormToken, 'The token') },
    }),
    (c) => c.json(issueFormToken(deps), 200),
  );
  r.openapi(
    createRoute({
      tags,
      method: 'get',
      path: '/categories',
      summary: 'Categories a resident may choose',
      responses: { 200: json(z.array(PublicCategory), 'Categories') },
    }),
    async (c) => c.json(await listPublicCategories(deps), 200),
  );
  r.openapi(
    createRoute({
      tags,
      method: 'get',
      path: '/regions',
      summary: 'Regions under a parent (down to villages)',
      request: { query: z.object({ parent: RegionCode.optional() }) },
      responses: { 200: json(z.array(PublicRegion), 'Regions') },
    }),
    async (c) => c.json(await listPublicRegions(deps, c.req.valid('query').parent ?? null), 200),
  );
  r.openapi(
    createRoute({
      tags,
      method: 'post',
      path: '/cases',
      summary: 'File a case online; answers its tracking code',
      request: { headers: IdempotencyHeader, ...jsonBody(PublicSubmitInput) },
      responses: { 201: json(PublicSubmitted, 'Filed'), ...publicErrors },
    }),
    async (c) =>
      c.json(
        await submitPublicCase(
          deps,
          guards,
          ip(c),
          c.req.valid('json'),
          c.req.valid('header')['idempotency-key'],
          c.var.requestId,
        ),
        201,
      ),
  );
  r.openapi(
    createRoute({
      tags,
      method: 'post',
      path: '/track',
      summary: 'Track a case by its code and the last four digits of the phone',
      request: jsonBody(TrackInput),
      responses: { 200: json(PublicCaseView, 'The case as the public sees it'), ...publicErrors },
    }),
    async (c) => c.json(await trackCase(deps, guards, ip(c), c.req.valid('json')), 200),
  );
  r.openapi(
    createRoute({
      tags,
      method: 'post',
      path: '/urge',
      summary: 'Urge (催办) a case: once a day',
      request: jsonBody(UrgeInput),
      responses: { 200: json(PublicCaseView, 'Urged'), ...publicErrors },
    }),
    async (c) => c.json(await urgeCase(deps, guards, ip(c), c.req.valid('json'), c.var.requestId), 200),
  );
  r.openapi(
    createRoute({
      tags,
      method: 'post',
      path: '/evaluate',
      summary: 'Rate a resolved case; dissatisfied reopens it',
      request: jsonBody(PublicEvaluateInput),
      responses: { 200: json(PublicCaseView, 'Rated'), ...publicErrors },
    }),
    async (c) => c.json(await evaluateCase(deps, guards, ip(c), c.req.valid('json'), c.var.requestId), 200),
  );
  return r;
}
