/** A binary min-heap of (time, index): the next thing to happen in the simulation, ties by index. */
export class EventQueue {
  private readonly heap: { at: number; idx: number }[] = [];

  get size(): number {
    return this.heap.length;
  }

  /** Adds an entry. */
  push(at: number, idx: number): void {
    const h = this.heap;
    h.push({ at, idx });
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  /** Removes and returns the earliest entry. */
  pop(): { at: number; idx: number } | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1,
          r = l + 1;
        let m = i;
        if (l < h.length && less(h[l]!, h[m]!)) m = l;
        if (r < h.length && less(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}

const less = (a: { at: number; idx: number }, b: { at: number; idx: number }) =>
  a.at < b.at || (a.at === b.at && a.idx < b.idx);
