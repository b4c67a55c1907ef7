import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { subtreeRange } from '../core/region/codes.js';

/** Escapes LIKE wildcards so user text and paths match literally. */
export const likeEscape = (s: string): string => s.replace(/[%_\\]/g, '\\$&');

/**
 * `column` lies in the subtree at a materialised path, as an index range rather than LIKE:
 * under row-level security PostgreSQL only lets leakproof operators (>=, <) drive an index,
 * so `LIKE 'path%'` would scan the whole table (see subtreeRange). An empty path is everything.
 */
export function inSubtree(column: string, path: string): RawBuilder<SqlBool> {
  if (!path) return sql<SqlBool>`true`;
  const { from, to } = subtreeRange(path);
  return sql<SqlBool>`(${sql.ref(column)} >= ${from} AND ${sql.ref(column)} < ${to})`;
}
