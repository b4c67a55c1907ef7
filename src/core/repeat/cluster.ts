/**
 * A case's cluster size (疑似群体性) from its cluster links: the links point from the case that
 * completed a burst of similar cases to the earlier ones, so the burst is the links plus the case
 * itself; a case with no links is in no cluster (0, not 1).
 */
export function clusterSize(clusterLinks: number): number {
  return clusterLinks > 0 ? clusterLinks + 1 : 0;
}
