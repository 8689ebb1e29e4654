import { escapeHtml, htmlToText } from "../html.js";

/** Telegram's limit on a message's text, counted as the person reads it: after the HTML is parsed. */
export const MESSAGE_MAX = 4096;

/** Text a person typed: escaped only when the message is built, and the only kind of block that is ever cut. */
export interface Typed {
  typed: string;
}

/** A line (or lines) of a message: our own HTML, or a person's text. */
export type Block = string | Typed;

/**
 * Where to cut `text` so that the piece before it is at most `room` long: at the last line break, else the
 * last space, if that keeps at least half the room; else anywhere but inside a surrogate pair.
 * Returns where the piece ends and where the rest begins.
 */
function cut(text: string, room: number): [number, number] {
  for (const separator of ["\n", " "]) {
    const at = text.lastIndexOf(separator, room);
    if (at >= room / 2) return [at, at + 1];
  }
  const end = /[\uD800-\uDBFF]/.test(text[room - 1] ?? "") ? room - 1 : room;
  return [end, end];
}

/**
 * Joins blocks, one per line, into as few HTML messages as fit Telegram's limit. Messages break between
 * blocks; a person's text that does not fit is cut before it is escaped, so no tag or entity is ever cut,
 * and goes on in the next message.
 */
export function splitMessage(blocks: Block[], max = MESSAGE_MAX): string[] {
  const messages: string[] = [];
  let lines: string[] = [];
  let length = 0;
  const room = () => max - length - (lines.length > 0 ? 1 : 0);
  const add = (html: string, text: string) => {
    if (lines.length === 0 && !text.trim()) return; // a message never starts with a blank line
    length += text.length + (lines.length > 0 ? 1 : 0);
    lines.push(html);
  };
  const close = () => {
    if (lines.length > 0) messages.push(lines.join("\n"));
    lines = [];
    length = 0;
  };
  for (const block of blocks) {
    if (typeof block === "string") {
      const text = htmlToText(block);
      if (text.length > room()) close();
      add(block, text);
      continue;
    }
    let rest = block.typed;
    while (rest.length > room()) {
      if (room() > 0) {
        const [end, next] = cut(rest, room());
        add(escapeHtml(rest.slice(0, end)), rest.slice(0, end));
        rest = rest.slice(next);
      }
      close();
    }
    add(escapeHtml(rest), rest);
  }
  close();
  return messages;
}
