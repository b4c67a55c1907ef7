import { covers } from '../../core/auth/actor.js';
import { DomainError, notFound } from '../../core/errors.js';
import type { CreatePeerClassInput, PeerClass, UpdatePeerClassInput } from '../../contract/peer-classes.js';
import type { Tx } from '../../storage/db.js';
import {
  deletePeerClass,
  getPeerClass,
  insertPeerClass,
  listPeerClasses,
  type PeerClassRow,
  setPeerClassMembers,
  updatePeerClass,
} from '../../storage/peer-classes.repo.js';
import { type RegionRef, regionByCode, regionsByCodes } from '../../storage/region-tree.repo.js';
import { type Ctx, readAs, writeAs } from '../context.js';

const present = (c: PeerClassRow): PeerClass => ({
  id: c.id,
  ownerCode: c.ownerCode,
  level: c.level,
  name: c.name,
  nameEn: c.nameEn,
  updatedAt: c.updatedAt.toISOString(),
  members: c.members,
});

/** The code of the region a materialised path ends in (`32/3201/320114/` → 320114). */
export const codeOfPath = (path: string) => path.split('/').filter(Boolean).at(-1) ?? '';

/** A region the caller names, or their jurisdiction's own; outside the jurisdiction it does not exist. */
export async function regionInScope(ctx: Ctx, trx: Tx, code: string | undefined): Promise<RegionRef> {
  const wanted = code ?? codeOfPath(ctx.actor.scopePath);
  const region = wanted ? await regionByCode(trx, wanted) : undefined;
  if (!region || !covers(ctx.actor, region.path)) throw notFound('region', wanted);
  return region;
}

/** The peer classes owned in the caller's jurisdiction (or a region of it), members named. */
export async function listClasses(ctx: Ctx, q: { region?: string; level?: number }): Promise<PeerClass[]> {
  return readAs(ctx, 'assessment.read', 'peer_classes', async (trx) => {
    const region = await regionInScope(ctx, trx, q.region);
    return (await listPeerClasses(trx, { path: region.path, level: q.level })).map(present);
  });
}

/**
 * The member regions, each inside the owning region at the class level and in no other class of the
 * same owner and level. A region the caller cannot see answers as one that does not exist.
 */
async function membersOf(
  ctx: Ctx,
  trx: Tx,
  c: { id: number | null; owner: RegionRef; level: number },
  codes: readonly string[],
) {
  const found = new Map((await regionsByCodes(trx, codes)).map((r) => [r.code, r]));
  for (const code of codes) {
    const r = found.get(code);
    if (!r || !covers(ctx.actor, r.path)) throw notFound('region', code);
    if (!r.path.startsWith(c.owner.path) || r.level !== c.level)
      throw new DomainError('ValidationFailed', `region ${code} is not a level ${c.level} region of ${c.owner.code}`, {
        field: 'members',
        code,
      });
  }
  const others = (await listPeerClasses(trx, { path: c.owner.path, level: c.level })).filter(
    (k) => k.ownerCode === c.owner.code && k.id !== c.id,
  );
  for (const k of others)
    for (const m of k.members)
      if (codes.includes(m.code))
        throw new DomainError('Conflict', `region ${m.code} is already in the class ${k.name}`, {
          code: m.code,
          classId: k.id,
        });
  return codes.map((code) => ({ code, path: found.get(code)!.path }));
}

/** Defines a peer class of regions at one level of the caller's jurisdiction (administrator). */
export async function createClass(ctx: Ctx, input: CreatePeerClassInput): Promise<PeerClass> {
  return writeAs(ctx, 'assessment.write', 'peer_class.create', `region:${input.regionCode ?? 'own'}`, async (trx) => {
    const owner = await regionInScope(ctx, trx, input.regionCode);
    if (input.level <= owner.level)
      throw new DomainError(
        'ValidationFailed',
        `a class of ${owner.code} groups regions below its level ${owner.level}`,
        {
          field: 'level',
        },
      );
    const members = await membersOf(ctx, trx, { id: null, owner, level: input.level }, input.members);
    const existing = await listPeerClasses(trx, { path: owner.path, level: input.level });
    if (existing.some((k) => k.ownerCode === owner.code && k.name === input.name))
      throw new DomainError('AlreadyExists', `a class named ${input.name} exists`, { field: 'name' });
    const id = await insertPeerClass(trx, {
      ownerCode: owner.code,
      regionPath: owner.path,
      level: input.level,
      name: input.name,
      nameEn: input.nameEn ?? null,
      at: ctx.deps.clock.now(),
    });
    await setPeerClassMembers(trx, { id, ownerCode: owner.code, level: input.level }, members);
    return {
      value: present((await getPeerClass(trx, id))!),
      target: `peer_class:${id}`,
      details: { name: input.name, level: input.level, members: input.members },
      regionPath: owner.path,
    };
  });
}

/** A class of the caller's jurisdiction, or NotFound (also for one outside it). */
async function ownClass(ctx: Ctx, trx: Tx, id: number): Promise<PeerClassRow> {
  const c = await getPeerClass(trx, id);
  if (!c || !covers(ctx.actor, c.regionPath)) throw notFound('peer class', id);
  return c;
}

/** Renames a class or replaces its members (administrator). */
export async function updateClass(ctx: Ctx, id: number, input: UpdatePeerClassInput): Promise<PeerClass> {
  return writeAs(ctx, 'assessment.write', 'peer_class.update', `peer_class:${id}`, async (trx) => {
    const c = await ownClass(ctx, trx, id);
    if (input.members) {
      const owner = (await regionByCode(trx, c.ownerCode))!;
      const members = await membersOf(ctx, trx, { id, owner, level: c.level }, input.members);
      await setPeerClassMembers(trx, { id, ownerCode: c.ownerCode, level: c.level }, members);
    }
    await updatePeerClass(trx, id, { name: input.name, name_en: input.nameEn, updated_at: ctx.deps.clock.now() });
    return {
      value: present((await getPeerClass(trx, id))!),
      details: { changed: Object.keys(input) },
      regionPath: c.regionPath,
    };
  });
}

/** Removes a class; rankings made later simply no longer group by it. */
export async function removeClass(ctx: Ctx, id: number): Promise<void> {
  return writeAs(ctx, 'assessment.write', 'peer_class.delete', `peer_class:${id}`, async (trx) => {
    const c = await ownClass(ctx, trx, id);
    await deletePeerClass(trx, id);
    return { value: undefined, details: { name: c.name }, regionPath: c.regionPath };
  });
}
