import { describe, expect, it } from 'vitest';
import { startJobs } from './scheduler.js';
import { createLog } from '../app/log.js';

describe('the job scheduler', () => {
  it('runs a job at once, then on its interval without overlap, survives a failure, and stops', async () => {
    const lines: string[] = [];
    let runs = 0;
    let active = 0;
    let overlapped = false;
    const jobs = startJobs(
      [
        {
          name: 'tick',
          intervalMs: 5,
          run: async () => {
            runs++;
            active++;
            overlapped ||= active > 1;
            await new Promise((r) => setTimeout(r, 8));
            active--;
            if (runs === 2) throw new Error('boom');
          },
        },
        {
          name: 'off',
          intervalMs: 0,
          run: async () => {
            throw new Error('a job with interval 0 never runs');
          },
        },
      ],
      createLog('error', (l) => lines.push(l)),
    );
    expect(runs).toBe(1);
    await new Promise((r) => setTimeout(r, 80));
    await jobs.stop();
    const after = runs;
    await new Promise((r) => setTimeout(r, 30));
    expect(runs).toBe(after);
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(overlapped).toBe(false);
    expect(lines.some((l) => l.includes('tick failed') && l.includes('boom'))).toBe(true);
    expect(lines.some((l) => l.includes('never runs'))).toBe(false);
  });
});
