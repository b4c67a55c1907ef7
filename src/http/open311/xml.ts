/**
 * A small XML writer for the Open311 documents (no dependency): elements only, text escaped,
 * arrays become repeated child elements named by the caller, null becomes an empty element.
 */
export type XmlValue = string | number | boolean | null | undefined | XmlValue[] | { [name: string]: XmlValue };

const escapeText = (s: string) =>
  s
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
    // characters XML 1.0 forbids are dropped rather than sent broken
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

/** Child element names for lists inside a document (e.g. `values` holds `value`). */
export type ListNames = Record<string, string>;

/** Serialises one element and its content. */
export function element(name: string, value: XmlValue, lists: ListNames = {}): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
    return `<${name}/>`;
  if (Array.isArray(value)) {
    const child = lists[name] ?? 'item';
    return `<${name}>${value.map((v) => element(child, v, lists)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    return `<${name}>${Object.entries(value)
      .map(([k, v]) => element(k, v, lists))
      .join('')}</${name}>`;
  }
  return `<${name}>${escapeText(String(value))}</${name}>`;
}

/** A whole document with the XML declaration the spec requires (UTF-8). */
export function xmlDocument(root: string, value: XmlValue, lists: ListNames = {}): string {
  return `<?xml version="1.0" encoding="utf-8"?>${element(root, value, lists)}`;
}
