import { randomBytes } from 'node:crypto';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../../core/auth/actor.js';
import type { Role } from '../../../contract/common.js';
import { systemScope, type Tx } from '../../../storage/db.js';
import { enabledAccountsOf, insertUser, userActor } from '../../../storage/users.repo.js';
import { getUnit } from '../../../storage/units.repo.js';
import { notFound } from '../../../core/errors.js';
import { appendAudit } from '../../../storage/audit.repo.js';
import { hashPassword } from '../../auth/password.js';
import { deriveSeed, mulberry32 } from './prng.js';
import { personName } from './people.js';

/** Where an account sits: its unit, and for a grid worker their grid. */
type Seat = { unitId: number; role: Role; title: string; username: string; grid?: { code: string; path: string } };

/**
 * The staff the simulation acts as: existing accounts where the unit has one with the role (the demo
 * dispatcher, leader, clerk, grid worker, mediator), otherwise accounts it creates once through the
 * storage repositories, with an unguessable password nobody knows (they never sign in).
 */
export class SimStaff {
  private readonly cache = new Map<string, Actor>();
  private passwordHash: Promise<string> | undefined;

  constructor(
    private readonly deps: Deps,
    private readonly seed: number,
  ) {}

  /** A handler (mediator) of the unit, for the lead or co-unit's actions. */
  handler(unitId: number): Promise<Actor> {
    return this.seat({ unitId, role: 'mediator', title: '承办人', username: `sim-h${unitId}` });
  }

  /** A clerk at a service centre's window (窗口受理). */
  clerk(unitId: number): Promise<Actor> {
    return this.seat({ unitId, role: 'clerk', title: '窗口受理员', username: `sim-c${unitId}` });
  }

  /** A 12345 hotline operator, registered as a clerk of the county centre. */
  hotline(unitId: number): Promise<Actor> {
    return this.seat(
      { unitId, role: 'clerk', title: '12345热线话务员', username: `sim-hotline${unitId}` },
      'sim-hotline',
    );
  }

  /** The county centre's dispatcher or its leader. */
  centre(unitId: number, role: 'dispatcher' | 'leader'): Promise<Actor> {
    return this.seat({
      unitId,
      role,
      title: role === 'dispatcher' ? '调度员' : '分管领导',
      username: `sim-${role}${unitId}`,
    });
  }

  /** The grid worker of a grid, an account of the village's service station. */
  gridworker(stationUnitId: number, grid: { code: string; path: string }): Promise<Actor> {
    return this.seat({
      unitId: stationUnitId,
      role: 'gridworker',
      title: '网格员',
      username: `sim-g${grid.code}`,
      grid,
    });
  }

  private async seat(s: Seat, prefix?: string): Promise<Actor> {
    const key = `${s.unitId}:${s.role}:${s.grid?.code ?? ''}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const actor = await this.deps.db.tx(systemScope, async (trx) => {
      const existing = await findSeated(trx, s, prefix);
      return actorOf(trx, existing ?? (await this.create(trx, s)));
    });
    this.cache.set(key, actor);
    return actor;
  }

  private async create(trx: Tx, s: Seat): Promise<number> {
    this.passwordHash ??= hashPassword(randomBytes(24).toString('base64url'));
    const unit = await getUnit(trx, s.unitId);
    if (!unit) throw notFound('unit', s.unitId);
    const at = this.deps.clock.now();
    const name = personName(mulberry32(deriveSeed(this.seed, 'staff', s.username)));
    const id = await insertUser(trx, {
      username: s.username,
      displayName: `${s.title} ${name}`,
      unitId: s.unitId,
      gridCode: s.grid?.code ?? null,
      scopePath: s.grid?.path ?? unit.regionPath,
      roles: [s.role],
      passwordHash: await this.passwordHash,
      at,
    });
    await appendAudit(trx, {
      at,
      actorId: null,
      actorName: 'system',
      action: 'seed.cases.staff',
      target: `user:${id}`,
      outcome: 'ok',
      requestId: null,
      details: { username: s.username, role: s.role, unitId: s.unitId },
    });
    return id;
  }
}

/** An enabled account of the unit with the role (and grid); the generator's own ones are found by name. */
async function findSeated(trx: Tx, s: Seat, prefix?: string): Promise<number | undefined> {
  const rows = await enabledAccountsOf(trx, s.unitId, s.role, s.grid?.code);
  const own = rows.find((r) => r.username === s.username);
  const other = prefix ? undefined : rows.find((r) => !r.username.startsWith('sim-hotline'));
  return (own ?? other)?.id;
}

/** Builds the acting user as sign-in would: unit, unit level and region, roles, jurisdiction. */
async function actorOf(trx: Tx, userId: number): Promise<Actor> {
  const actor = await userActor(trx, userId);
  if (!actor) throw notFound('user', userId);
  return actor;
}
