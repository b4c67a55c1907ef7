/**
 * A random idempotency key. crypto.randomUUID exists only in secure contexts (https or localhost);
 * a county intranet on plain http falls back to getRandomValues, which exists everywhere.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** An ISO instant as local date and time (the server keeps UTC). */
export function formatTime(iso: string | null | undefined, language: string): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(language.startsWith('zh') ? 'zh-CN' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
  });
}
