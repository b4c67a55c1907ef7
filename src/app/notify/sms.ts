import type { Config } from '../../config.js';
import type { Log } from '../log.js';

/** A text message for some users; the gateway resolves their numbers. */
export type SmsMessage = { userIds: readonly number[]; text: string; idempotencyKey: string };

/** What an SMS gateway must offer; throwing means "try again later". */
export type SmsAdapter = { send(message: SmsMessage): Promise<void> };

/** The default adapter: writes each message to the log (no gateway needed for a county trial). */
export function logSms(log: Log): SmsAdapter {
  return {
    send: async (m) => {
      log.info('sms', { to: m.userIds, text: m.text, key: m.idempotencyKey });
    },
  };
}

/** A gateway reached by HTTP: POSTs the message as JSON; any status but 2xx is a failure to retry. */
export function httpSms(url: string, timeoutMs: number): SmsAdapter {
  return {
    send: async (m) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-civicgrid-idempotency-key': m.idempotencyKey },
        body: JSON.stringify(m),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!res.ok) throw new Error(`sms gateway answered ${res.status}`);
    },
  };
}

/** The adapter the configuration names. */
export function smsFromConfig(config: Config, log: Log): SmsAdapter {
  return config.sms.kind === 'http' ? httpSms(config.sms.url, config.delivery.webhookTimeoutMs) : logSms(log);
}
