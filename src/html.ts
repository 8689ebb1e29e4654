/** For text that is not ours (the profile file, anything a person typed) inside an HTML message. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function stripTags(html: string): string {
  return html.replace(/<[^>]+>/g, "");
}
