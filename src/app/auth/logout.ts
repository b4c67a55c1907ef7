import type { Ctx } from '../context.js';
import { systemScope } from '../../storage/db.js';
import { deleteSession } from '../../storage/sessions.repo.js';
import { appendAudit } from '../../storage/audit.repo.js';
import { hashToken } from './session-token.js';

/** Ends the current session. */
export async function logout(ctx: Ctx, token: string): Promise<void> {
  await ctx.deps.db.tx(systemScope, async (trx) => {
    await deleteSession(trx, hashToken(token));
    await appendAudit(trx, {
      at: ctx.deps.clock.now(),
      actorId: ctx.actor.userId,
      actorName: ctx.actor.username,
      action: 'auth.logout',
      target: `user:${ctx.actor.username}`,
      outcome: 'ok',
      requestId: ctx.requestId,
      regionPath: ctx.actor.scopePath || null,
    });
  });
}
