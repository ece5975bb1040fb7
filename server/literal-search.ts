/** A search's words, each matched literally (never as a pattern), case aside. */
export const literally = (words: string) =>
  new RegExp(words.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
