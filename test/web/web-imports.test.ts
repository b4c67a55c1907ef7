import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The web app reaches into the server's source for the contract's types and the pure core only
// (docs/ARCHITECTURE.md, "The web app"): nothing of the use cases, the database or HTTP reaches the browser.
const repo = path.resolve(import.meta.dirname, '..', '..');
const webSrc = path.join(repo, 'web', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(p) ? [p] : [];
  });
}

const importsOf = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/^\s*(import|export)(\s+type)?[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => ({
    typeOnly: Boolean(m[2]),
    spec: m[3]!,
  }));

describe('what the web app imports from the server', () => {
  const serverImports = files(webSrc).flatMap((file) =>
    importsOf(file)
      .filter((i) => i.spec.startsWith('.'))
      .map((i) => ({
        ...i,
        file: path.relative(repo, file),
        target: path.relative(repo, path.resolve(path.dirname(file), i.spec)),
      }))
      .filter((i) => i.target.startsWith(`src${path.sep}`)),
  );

  it('reaches src/core and src/contract only', () => {
    expect(serverImports.length).toBeGreaterThan(0);
    const elsewhere = serverImports.filter((i) => !/^src\/(core|contract)\//.test(i.target));
    expect(elsewhere.map((i) => `${i.file} → ${i.target}`)).toEqual([]);
  });

  it('takes only types from src/contract (zod stays out of the bundle)', () => {
    const values = serverImports.filter((i) => i.target.startsWith('src/contract/') && !i.typeOnly);
    expect(values.map((i) => `${i.file} → ${i.target}`)).toEqual([]);
  });
});
