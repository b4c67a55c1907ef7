import { covers } from '../../core/auth/actor.js';
import { checkScheme, type SchemeDefinition } from '../../core/assessment/scheme.js';
import { DomainError, notFound } from '../../core/errors.js';
import type { CreateSchemeInput, UpdateSchemeInput } from '../../contract/assessment.js';
import type { Tx } from '../../storage/db.js';
import {
  getScheme,
  insertScheme,
  insertSchemeVersion,
  listSchemes,
  renameScheme,
  rewriteUnusedVersion,
  type SchemeRow,
  schemeDefinition,
} from '../../storage/assessment.repo.js';
import { type Ctx, readAs, writeAs } from '../context.js';
import { regionInScope } from './peer-classes.js';

/** The core's definition from the contract's (optional English names become null). */
const definitionOf = (d: CreateSchemeInput['definition']): SchemeDefinition =>
  checkScheme({
    components: d.components.map((c) => ({ ...c, nameEn: c.nameEn ?? null })),
    warning: { below: d.warning.below ?? null, drop: d.warning.drop ?? null },
  });

const view = (s: SchemeRow, version: number, definition: SchemeDefinition) => ({
  id: s.id,
  ownerCode: s.ownerCode,
  year: s.year,
  name: s.name,
  version,
  definition,
  versions: s.versions.map((v) => ({
    version: v.version,
    createdAt: v.createdAt.toISOString(),
    createdBy: v.createdBy,
    usedAt: v.usedAt?.toISOString() ?? null,
  })),
});
export type SchemeView = ReturnType<typeof view>;

/** A scheme of the caller's jurisdiction with the definition of one version (default: the latest), or NotFound. */
export async function loadScheme(ctx: Ctx, trx: Tx, id: number, version?: number) {
  const scheme = await getScheme(trx, id);
  if (!scheme || !covers(ctx.actor, scheme.regionPath)) throw notFound('scheme', id);
  const v = version ?? scheme.versions.at(-1)!.version;
  const definition = await schemeDefinition(trx, id, v);
  if (!definition) throw notFound('scheme version', `${id}/${v}`);
  return { scheme, version: v, definition };
}

/** The schemes owned in the caller's jurisdiction (or a region of it), each with its latest definition. */
export async function listSchemeViews(ctx: Ctx, q: { region?: string; year?: number }): Promise<SchemeView[]> {
  return readAs(ctx, 'assessment.read', 'schemes', async (trx) => {
    const region = await regionInScope(ctx, trx, q.region);
    const out: SchemeView[] = [];
    for (const s of await listSchemes(trx, { path: region.path, year: q.year })) {
      const v = s.versions.at(-1)!.version;
      out.push(view(s, v, (await schemeDefinition(trx, s.id, v))!));
    }
    return out;
  });
}

export async function schemeView(ctx: Ctx, id: number, version?: number): Promise<SchemeView> {
  return readAs(ctx, 'assessment.read', `scheme:${id}`, async (trx) => {
    const s = await loadScheme(ctx, trx, id, version);
    return view(s.scheme, s.version, s.definition);
  });
}

/** Defines a year's scheme for a region of the caller's jurisdiction (administrator): version 1. */
export async function createScheme(ctx: Ctx, input: CreateSchemeInput): Promise<SchemeView> {
  const definition = definitionOf(input.definition);
  return writeAs(ctx, 'assessment.write', 'scheme.create', `region:${input.regionCode ?? 'own'}`, async (trx) => {
    const owner = await regionInScope(ctx, trx, input.regionCode);
    const same = await listSchemes(trx, { path: owner.path, year: input.year });
    if (same.some((s) => s.ownerCode === owner.code && s.name === input.name))
      throw new DomainError('AlreadyExists', `a scheme ${input.name} of ${input.year} exists`, { field: 'name' });
    const at = ctx.deps.clock.now();
    const id = await insertScheme(trx, {
      ownerCode: owner.code,
      regionPath: owner.path,
      year: input.year,
      name: input.name,
      at,
    });
    await insertSchemeVersion(trx, {
      schemeId: id,
      version: 1,
      regionPath: owner.path,
      definition,
      at,
      by: ctx.actor.username,
    });
    return {
      value: view((await getScheme(trx, id))!, 1, definition),
      target: `scheme:${id}`,
      details: { year: input.year, name: input.name, version: 1 },
      regionPath: owner.path,
    };
  });
}

/**
 * Renames a scheme or changes what it measures (administrator). A version that scores were stored from
 * stays as it was: the change becomes the next version, so those scores remain reproducible.
 */
export async function updateScheme(ctx: Ctx, id: number, input: UpdateSchemeInput): Promise<SchemeView> {
  const definition = input.definition ? definitionOf(input.definition) : undefined;
  return writeAs(ctx, 'assessment.write', 'scheme.update', `scheme:${id}`, async (trx) => {
    const { scheme, version } = await loadScheme(ctx, trx, id);
    if (input.name && input.name !== scheme.name) await renameScheme(trx, id, input.name);
    let latest = version;
    if (definition) {
      const at = ctx.deps.clock.now();
      const change = { schemeId: id, definition, at, by: ctx.actor.username };
      const rewritten = await rewriteUnusedVersion(trx, { ...change, version });
      if (!rewritten) {
        latest = version + 1;
        await insertSchemeVersion(trx, { ...change, version: latest, regionPath: scheme.regionPath });
      }
    }
    const s = await loadScheme(ctx, trx, id, latest);
    return {
      value: view(s.scheme, s.version, s.definition),
      details: { changed: Object.keys(input), version: latest },
      regionPath: scheme.regionPath,
    };
  });
}
