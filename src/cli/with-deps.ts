import { loadConfig } from '../config.js';
import { openDeps } from '../wire.js';
import type { Deps } from '../app/deps.js';

/** Opens the configured database for one CLI command and always closes it again. */
export async function withDeps<T>(fn: (deps: Deps) => Promise<T>): Promise<T> {
  const deps = await openDeps(loadConfig());
  try {
    return await fn(deps);
  } finally {
    await deps.db.close();
  }
}
