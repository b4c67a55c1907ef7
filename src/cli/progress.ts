/** Prints `label n/total (p%)` to stderr, at most once per percent. */
export function percentProgress(label: string) {
  let last = -1;
  return ({ done, total }: { done: number; total: number }) => {
    const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
    if (pct === last) return;
    last = pct;
    process.stderr.write(`\r  ${label} ${done}/${total} (${pct}%)`);
  };
}
