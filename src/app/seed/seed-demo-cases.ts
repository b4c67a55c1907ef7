import type { Deps } from '../deps.js';
import { generateCases, type GenerateCasesResult } from './generate-cases.js';

/** The demo county's history: fixed seed, last 60 days, so every fresh install shows the same kind of workbench. */
export const demoCaseOptions = { days: 60, seed: 20260101 } as const;

/**
 * Generates `count` demo cases (CIVICGRID_DEMO_CASES) for the demo county, logging progress every
 * tenth; returns null when the count is 0.
 */
export async function seedDemoCases(
  deps: Deps,
  count = deps.config.demoCases,
  signal?: AbortSignal,
): Promise<GenerateCasesResult | null> {
  if (count <= 0) return null;
  const started = Date.now();
  let logged = 0;
  deps.log.info('generating demo cases', { count, days: demoCaseOptions.days, county: deps.config.demoCounty });
  const result = await generateCases(deps, {
    count,
    ...demoCaseOptions,
    signal,
    onProgress: ({ done, total }) => {
      if (done < total && done * 10 < (logged + 1) * total) return;
      logged++;
      deps.log.info('demo cases', { done, total, percent: Math.round((done / total) * 100) });
    },
  });
  const seconds = (Date.now() - started) / 1000;
  deps.log.info('demo cases ready', {
    submitted: result.submitted,
    actions: result.actions,
    failures: result.failures.length,
    seconds,
    perSecond: Math.round((result.submitted / seconds) * 10) / 10,
  });
  return result;
}
