/** A tiny well-formedness check: tags nest and close, text has no raw markup characters. */
export function wellFormed(xml: string): boolean {
  const body = xml.replace(/^<\?xml version="1\.0" encoding="utf-8"\?>/, '');
  const stack: string[] = [];
  const re = /<(\/?)([A-Za-z_][\w.-]*)(\/?)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  let consumed = 0;
  for (m = re.exec(body); m; m = re.exec(body)) {
    consumed += m[0].length;
    if (m[4] !== undefined) {
      if (/[<>]|&(?!(amp|lt|gt|quot|apos);)/.test(m[4])) return false;
      continue;
    }
    if (m[3]) continue;
    if (m[1]) {
      if (stack.pop() !== m[2]) return false;
    } else stack.push(m[2]!);
  }
  return consumed === body.length && stack.length === 0;
}

/** The element names a document uses, in order of first appearance. */
export const elementNames = (xml: string): string[] => [
  ...new Set([...xml.matchAll(/<([A-Za-z_][\w.-]*)\/?>/g)].map((m) => m[1]!)),
];
