import type { Deps } from '../app/deps.js';
import { deliverMessages, type DeliveryResult } from '../app/notify/deliver-messages.js';
import { smsFromConfig, type SmsAdapter } from '../app/notify/sms.js';

let cached: { deps: Deps; sms: SmsAdapter } | undefined;

/** One pass of the outbox delivery loop with the configured SMS adapter; the scheduler calls it on its interval. */
export async function deliverOutbox(deps: Deps): Promise<DeliveryResult> {
  if (cached?.deps !== deps) cached = { deps, sms: smsFromConfig(deps.config, deps.log) };
  return deliverMessages(deps, cached.sms);
}
