/**
 * Which hosts webhooks may post to. An administrator registers webhook URLs, and the server then
 * posts from inside the network: without a list, a mistaken or malicious URL can reach internal
 * services (SSRF). A deployment names its receivers' hosts: `hooks.example.gov.cn` exactly, or
 * `.example.gov.cn` for that domain and every host below it. No list (null) admits every host.
 */
export type WebhookHostList = readonly string[] | null;

/** Parses `CIVICGRID_WEBHOOK_ALLOWED_HOSTS` (comma or space separated); empty means no list. */
export function parseWebhookHosts(raw: string | undefined): WebhookHostList {
  const hosts = (raw ?? '')
    .split(/[\s,]+/)
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  return hosts.length ? hosts : null;
}

/** Whether a webhook URL's host is on the list (always, when there is none). */
export function webhookHostAllowed(url: string, list: WebhookHostList): boolean {
  if (list === null) return true;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return false;
  }
  return list.some((entry) =>
    entry.startsWith('.') ? host.endsWith(entry) || host === entry.slice(1) : host === entry,
  );
}
