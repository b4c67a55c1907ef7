import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../test-db.js';
import { createApp } from '../../src/http/app.js';
import { testDeps } from '../test-deps.js';

/** Issue 11, point 13: a Content-Security-Policy on every response, HSTS only with secure cookies. */
describe('security headers', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb('pglite');
  });
  afterAll(() => t.drop());

  it('sends a CSP that allows no inline or foreign script, and HSTS only over HTTPS', async () => {
    const plain = await createApp(testDeps(t.db)).request('/api/health');
    const csp = plain.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval|\*)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    const secure = await createApp(testDeps(t.db, { env: { CIVICGRID_SECURE_COOKIES: 'true' } })).request(
      '/api/health',
    );
    expect(secure.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });
});
