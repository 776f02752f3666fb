// Small pure helpers for text shown to people: counts with the right noun, and excerpts that end
// on a whole word. Browser-safe.

/** "1 candidate", "3 candidates"; pass the plural when it is not the word plus "s". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/**
 * The start of a Markdown text as plain prose, at most `max` characters, cut at a word boundary
 * with an ellipsis. Markdown marks (code backticks, emphasis stars, heading, quote and list markers) is dropped because an
 * excerpt is shown as plain text.
 */
export function excerpt(text: string, max = 200): string {
  const plain = text
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/[`*]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max + 1);
  const lastSpace = cut.lastIndexOf(' ');
  // One very long word: cut it rather than returning nothing.
  const head = lastSpace > max / 2 ? cut.slice(0, lastSpace) : plain.slice(0, max);
  return `${head.replace(/[\s.,;:!?—–-]+$/, '')}…`;
}
