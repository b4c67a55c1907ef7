import type { Ctx } from '../app/context.js';
import type { Deps } from '../app/deps.js';

/** What the HTTP layer keeps per request. */
export type HttpEnv = {
  Variables: {
    requestId: string;
    deps: Deps;
    /** Set by requireSession for routes that need a signed-in user. */
    ctx: Ctx;
  };
};

export const SESSION_COOKIE = 'cg_session';
