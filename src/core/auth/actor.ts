import type { Role } from '../case/types.js';

/** The signed-in person a use case acts for; jurisdiction is the region subtree at scopePath. */
export type Actor = {
  userId: number;
  username: string;
  displayName: string;
  unitId: number;
  unitLevel: number;
  unitRegionCode: string;
  roles: Role[];
  /** Materialised path of the jurisdiction ('32/3201/320114/'): everything below is theirs. */
  scopePath: string;
  /** Set only for the operator at the server's command line (see operatorActor). */
  operator?: true;
};

/** Whether a region path lies inside the actor's jurisdiction. */
export const covers = (actor: Pick<Actor, 'scopePath'>, path: string): boolean => path.startsWith(actor.scopePath);

/**
 * Whether the jurisdiction is a whole tree (a root region's path, one code: '32/') or everything
 * (the operator): records that belong to no region, such as the system's own work, are read there.
 */
export const atRoot = (actor: Pick<Actor, 'scopePath'>): boolean =>
  actor.scopePath === '' || /^[^/]+\/$/.test(actor.scopePath);

/**
 * The operator at the command line (`civicgrid user add`, imports, seeds): whoever holds the
 * database holds everything, so the scope is the whole tree; the audit log still names them.
 */
export function operatorActor(name: string, roles: Role[]): Actor {
  return {
    userId: 0,
    username: `cli:${name}`,
    displayName: name,
    unitId: 0,
    unitLevel: 0,
    unitRegionCode: '',
    roles,
    scopePath: '',
    operator: true,
  };
}
