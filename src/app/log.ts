/** A small structured logger: one JSON line per entry on stderr, so stdout stays for CLI output. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type Log = {
  debug(msg: string, data?: Record<string, unknown>): void;
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
};

const order: LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

export function createLog(level: LogLevel, write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Log {
  const min = order.indexOf(level);
  const at = (lvl: Exclude<LogLevel, 'silent'>) => (msg: string, data?: Record<string, unknown>) => {
    if (order.indexOf(lvl) < min) return;
    write(JSON.stringify({ t: new Date().toISOString(), level: lvl, msg, ...data }));
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
