import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderKpiDoc } from './doc.js';

describe('docs/kpi.md', () => {
  it('is the catalogue as the code defines it (npm run kpi:doc rewrites it)', () => {
    const committed = readFileSync(new URL('../../../docs/kpi.md', import.meta.url), 'utf8');
    expect(committed, 'docs/kpi.md is stale: run `npm run kpi:doc`').toBe(renderKpiDoc());
  });
});
