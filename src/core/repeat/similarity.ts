/**
 * Text similarity for repeat visits and clusters (重访 / 一件事): Jaccard similarity of character
 * bigrams, which suits Chinese text without a word segmenter and shrugs off small rewordings.
 */
export function bigrams(text: string): Set<string> {
  const chars = [
    ...text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\s\p{P}\p{S}]/gu, ''),
  ];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  if (chars.length === 1) out.add(chars[0]!);
  return out;
}

/** Jaccard similarity of two texts' bigrams, 0 … 1. */
export function similarity(a: string, b: string): number {
  const x = bigrams(a),
    y = bigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return common / (x.size + y.size - common);
}

/** Defaults: a repeat shares a party and is this similar; a cluster is this many similar cases in a township. */
export const repeatRules = {
  windowDays: 90,
  minSimilarity: 0.25,
  clusterWindowDays: 7,
  clusterMinCases: 5,
  clusterMinSimilarity: 0.3,
} as const;
export type RepeatRules = {
  windowDays: number;
  minSimilarity: number;
  clusterWindowDays: number;
  clusterMinCases: number;
  clusterMinSimilarity: number;
};

/** The most similar earlier case at or above the threshold, if any. */
export function bestMatch<T extends { text: string }>(
  text: string,
  candidates: readonly T[],
  min: number,
): (T & { score: number }) | null {
  let best: (T & { score: number }) | null = null;
  for (const c of candidates) {
    const score = similarity(text, c.text);
    if (score >= min && (!best || score > best.score)) best = { ...c, score };
  }
  return best;
}
