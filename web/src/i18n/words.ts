/** A vocabulary's words in one language: one text per word of the core's list, so a new word must be translated. */
export type Words<K extends string> = Record<K, string>;
