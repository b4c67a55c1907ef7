/** Escapes LIKE wildcards so user text and paths match literally. */
export const likeEscape = (s: string): string => s.replace(/[%_\\]/g, '\\$&');
