/** For text that is not ours (the profile file, anything a person typed) inside an HTML message. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function stripTags(html: string): string {
  return html.replace(/<[^>]+>/g, "");
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

/** What a person reads of an HTML message: tags gone and entities decoded, the text Telegram measures. */
export function htmlToText(html: string): string {
  return stripTags(html).replace(/&(?:(lt|gt|amp|quot)|#(\d+)|#x([\da-fA-F]+));/g, (_, name?: string, decimal?: string, hex?: string) =>
    name ? NAMED[name]! : String.fromCodePoint(decimal ? Number(decimal) : parseInt(hex!, 16)),
  );
}
