/**
 * Configuration set per jurisdiction (dispatch rules, deadline policies, card rules) applies to the
 * region it was set at and everything below; '' is the deployment's top. Of the rows on a region's
 * path the nearest wins: a county's overrides the province's, which overrides the top's.
 */
export type Jurisdictional = { readonly regionPath: string };

/** The rows that apply at a region path, nearest jurisdiction first (input order kept within one). */
export function nearestFirst<T extends Jurisdictional>(rows: readonly T[], path: string): T[] {
  return rows.filter((r) => path.startsWith(r.regionPath)).sort((a, b) => b.regionPath.length - a.regionPath.length);
}

/** The rows of the nearest-first list grouped by jurisdiction, nearest group first. */
export function layersAt<T extends Jurisdictional>(rows: readonly T[], path: string): T[][] {
  const layers: T[][] = [];
  for (const r of nearestFirst(rows, path)) {
    const last = layers.at(-1);
    if (last && last[0]!.regionPath === r.regionPath) last.push(r);
    else layers.push([r]);
  }
  return layers;
}
