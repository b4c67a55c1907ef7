import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const importsOf = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);

const layerOf = (file: string) => path.relative(root, file).split(path.sep)[0]!;

/** Which layers each layer may import (the dependency rule of docs/ARCHITECTURE.md). */
const allowed: Record<string, string[]> = {
  core: ['core', 'contract'],
  // The contract builds its enums from the core's vocabularies (one source for each).
  contract: ['contract', 'core'],
  storage: ['storage', 'core', 'contract'],
  app: ['app', 'core', 'storage', 'contract', 'config.ts'],
  http: ['http', 'app', 'core', 'storage', 'contract', 'config.ts'],
  cli: ['cli', 'app', 'core', 'storage', 'contract', 'config.ts', 'wire.ts', 'main.ts'],
  jobs: ['jobs', 'app', 'core', 'storage', 'contract', 'config.ts'],
};

describe('the dependency rule', () => {
  const all = files(root);

  it.each(all.filter((f) => allowed[layerOf(f)]).map((f) => [path.relative(root, f), f]))(
    '%s imports only inward',
    (_, file) => {
      const layer = layerOf(file);
      for (const spec of importsOf(file).filter((s) => s.startsWith('.'))) {
        const target = path.relative(root, path.resolve(path.dirname(file), spec));
        expect(allowed[layer], `${path.relative(root, file)} imports ${target}`).toContain(
          target.split(path.sep)[0]!.replace(/\.js$/, '.ts'),
        );
      }
    },
  );

  it('keeps the core pure: no node:*, no clock reads', () => {
    for (const file of all.filter((f) => layerOf(f) === 'core' && !f.endsWith('.test.ts'))) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/from ['"]node:/);
      expect(text, file).not.toMatch(/Date\.now\(\)|new Date\(\)/);
      expect(text, file).not.toMatch(/process\.env/);
    }
  });

  it('reads the environment only in config.ts', () => {
    const readers = all
      .filter((f) => !f.endsWith('.test.ts') && /process\.env\b/.test(readFileSync(f, 'utf8')))
      .map((f) => path.relative(root, f));
    expect(readers.filter((f) => f !== 'config.ts' && f !== 'main.ts')).toEqual([]);
  });
});
