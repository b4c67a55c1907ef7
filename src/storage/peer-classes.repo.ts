import type { Tx } from './db.js';
import { inSubtree } from './like.js';

/** A peer class (一类/二类/三类地区) with its member regions, named as the caller's scope shows them. */
export type PeerClassRow = {
  id: number;
  ownerCode: string;
  /** The owning region's path: the class is seen in that subtree. */
  regionPath: string;
  level: number;
  name: string;
  nameEn: string | null;
  updatedAt: Date;
  members: { code: string; name: string }[];
};

async function withMembers(
  trx: Tx,
  rows: {
    id: number;
    owner_code: string;
    region_path: string;
    level: number;
    name: string;
    name_en: string | null;
    updated_at: Date;
  }[],
): Promise<PeerClassRow[]> {
  const ids = rows.map((r) => Number(r.id));
  const members = ids.length
    ? await trx
        .selectFrom('peer_class_members as m')
        .innerJoin('regions as r', 'r.code', 'm.region_code')
        .select(['m.class_id', 'r.code', 'r.name'])
        .where('m.class_id', 'in', ids)
        .orderBy('r.code')
        .execute()
    : [];
  return rows.map((r) => ({
    id: Number(r.id),
    ownerCode: r.owner_code,
    regionPath: r.region_path,
    level: Number(r.level),
    name: r.name,
    nameEn: r.name_en,
    updatedAt: r.updated_at,
    members: members.filter((m) => Number(m.class_id) === Number(r.id)).map((m) => ({ code: m.code, name: m.name })),
  }));
}

/**
 * The classes owned by regions in the subtree at `path`, or (with `ownersOf`) by the region at that path and
 * the regions above it that the scope shows: the classes that can apply to a ranking made there.
 */
export async function listPeerClasses(
  trx: Tx,
  f: { path: string; level?: number; ownersOf?: boolean },
): Promise<PeerClassRow[]> {
  let q = trx.selectFrom('peer_classes').selectAll();
  if (f.ownersOf) {
    const prefixes = f.path
      .split('/')
      .filter(Boolean)
      .map((_, i, parts) => `${parts.slice(0, i + 1).join('/')}/`);
    q = q.where('region_path', 'in', prefixes.length ? prefixes : ['']);
  } else q = q.where(inSubtree('region_path', f.path));
  if (f.level !== undefined) q = q.where('level', '=', f.level);
  return withMembers(trx, await q.orderBy('region_path').orderBy('level').orderBy('name').execute());
}

export async function getPeerClass(trx: Tx, id: number): Promise<PeerClassRow | undefined> {
  const r = await trx.selectFrom('peer_classes').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? (await withMembers(trx, [r]))[0] : undefined;
}

export async function insertPeerClass(
  trx: Tx,
  c: { ownerCode: string; regionPath: string; level: number; name: string; nameEn: string | null; at: Date },
): Promise<number> {
  const r = await trx
    .insertInto('peer_classes')
    .values({
      owner_code: c.ownerCode,
      region_path: c.regionPath,
      level: c.level,
      name: c.name,
      name_en: c.nameEn,
      updated_at: c.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function updatePeerClass(
  trx: Tx,
  id: number,
  patch: { name?: string; name_en?: string | null; updated_at: Date },
): Promise<void> {
  await trx.updateTable('peer_classes').set(patch).where('id', '=', id).execute();
}

/** Replaces a class's members; a region already in another class of the same owner and level meets the key. */
export async function setPeerClassMembers(
  trx: Tx,
  c: { id: number; ownerCode: string; level: number },
  members: readonly { code: string; path: string }[],
): Promise<void> {
  await trx.deleteFrom('peer_class_members').where('class_id', '=', c.id).execute();
  if (members.length === 0) return;
  await trx
    .insertInto('peer_class_members')
    .values(
      members.map((m) => ({
        class_id: c.id,
        owner_code: c.ownerCode,
        level: c.level,
        region_code: m.code,
        region_path: m.path,
      })),
    )
    .execute();
}

export async function deletePeerClass(trx: Tx, id: number): Promise<boolean> {
  const r = await trx.deleteFrom('peer_classes').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
