const SPECIAL = /[&<>"]/;

/** Text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  // Most texts (labels, ids, numbers) have nothing to escape: one scan instead of four replacements.
  if (!SPECIAL.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
