// Invisible marks that turn the direction of the text after them, so that a person's text could make the
// rest of a message (a code, a phone number, the next line) read as something it is not.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

/** A person's text as it may be shown to anyone: without Unicode bidi controls. */
export const stripBidi = (text: string) => text.replace(BIDI_CONTROLS, "");

/** For text that is not ours (the profile file, anything a person typed) inside an HTML message; bidi controls go too. */
export function escapeHtml(text: string): string {
  return stripBidi(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
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
