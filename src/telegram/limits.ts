import { htmlToText } from "../html.js";
import type { Payload } from "./fake-telegram.js";

/** Telegram's limits on what one call may carry, as the Bot API documents them. */
export const LIMITS = { text: 4096, caption: 1024, callbackDataBytes: 64, inlineButtons: 100, photoBytes: 10 * 1024 * 1024, photoSides: 10_000, photoRatio: 20 } as const;

const TEXT_METHODS = new Set(["sendMessage", "editMessageText"]);

/** The text a person will read, which is what Telegram measures: after parsing, in UTF-16 code units. */
const visible = (text: unknown, parseMode: unknown) => (parseMode === "HTML" ? htmlToText(String(text ?? "")) : String(text ?? ""));

const badData = (data: string | undefined) => data !== undefined && (data === "" || Buffer.byteLength(data, "utf8") > LIMITS.callbackDataBytes);

function markupError(markup: Payload | undefined): string | undefined {
  const buttons: Payload[] = markup?.inline_keyboard?.flat() ?? [];
  if (buttons.length > LIMITS.inlineButtons) return "Bad Request: reply markup is too long";
  if (buttons.some((button) => badData(button.callback_data))) return "Bad Request: BUTTON_DATA_INVALID";
  return undefined;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** An uploaded photo: at most 10 MB; a PNG's width and height (read from its header) within Telegram's bounds. */
function photoError(photo: unknown): string | undefined {
  const bytes = (photo as { bytes?: unknown } | undefined)?.bytes;
  if (!Buffer.isBuffer(bytes)) return undefined;
  if (bytes.length > LIMITS.photoBytes) return "Bad Request: PHOTO_SAVE_FILE_INVALID";
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return undefined;
  const [width, height] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
  const fits = width > 0 && height > 0 && width + height <= LIMITS.photoSides && Math.max(width / height, height / width) <= LIMITS.photoRatio;
  return fits ? undefined : "Bad Request: PHOTO_INVALID_DIMENSIONS";
}

/**
 * Telegram's description of why it refuses this call, or undefined when the call is within its limits.
 * Whether the messages a call names exist is for the fake to say.
 */
export function limitError(method: string, payload: Payload): string | undefined {
  if (TEXT_METHODS.has(method)) {
    const text = visible(payload.text, payload.parse_mode);
    if (!text.trim()) return "Bad Request: message text is empty";
    if (text.length > LIMITS.text) return "Bad Request: message is too long";
  }
  // editMessageMedia carries its caption inside the media.
  const captioned = (payload.media as Payload | undefined)?.caption === undefined ? payload : (payload.media as Payload);
  if (captioned.caption !== undefined && visible(captioned.caption, captioned.parse_mode).length > LIMITS.caption) {
    return "Bad Request: message caption is too long";
  }
  if (method === "sendPhoto") {
    const error = photoError(payload.photo);
    if (error) return error;
  }
  // Inline query results carry keyboards of their own.
  const markups = [payload.reply_markup, ...(payload.results ?? []).map((result: Payload) => result.reply_markup)];
  return markups.map(markupError).find(Boolean);
}
