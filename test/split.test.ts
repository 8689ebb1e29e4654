import { describe, expect, it } from "vitest";
import { MESSAGE_MAX, splitMessage } from "../src/bot/split.js";
import { htmlToText } from "../src/html.js";

const visible = (parts: string[]) => parts.map(htmlToText);

describe("splitting a long message", () => {
  it("cuts a person's text with no line break or space only between characters: never inside an entity or a surrogate pair", () => {
    for (const typed of ["<&>".repeat(3000), "ж😀".repeat(3000)]) {
      const parts = splitMessage(["<b>Что произошло:</b>", { typed }]);
      expect(parts.length).toBeGreaterThan(1);
      for (const text of visible(parts)) expect(text.length).toBeLessThanOrEqual(MESSAGE_MAX);
      for (const part of parts) expect(part.replace(/&(amp|lt|gt);/g, "")).not.toMatch(/&|<(?!\/?b>)|^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
      expect(visible(parts).join("")).toBe(`Что произошло:\n${typed}`);
    }
  });

  it("keeps our lines whole, cuts a person's text at a line break where it can, and starts no message with a blank line", () => {
    const typed = Array.from({ length: 300 }, (_, i) => `строка ${i}: меня били`).join("\n");
    const parts = splitMessage(["<b>Дело</b>", { typed }, "", "<b>Дополнение</b>", { typed }, "<i>конец</i>"]);
    const lines = visible(parts).flatMap((text) => text.split("\n"));
    expect(lines.filter((line) => line.startsWith("строка"))).toHaveLength(600);
    expect(lines.every((line) => line === "" || /^(строка \d+: меня били|Дело|Дополнение|конец)$/.test(line))).toBe(true);
    expect(parts.every((part) => part.trim() === part.trimEnd() && part.trim() !== "")).toBe(true);
    expect(parts.at(-1)).toMatch(/<i>конец<\/i>$/);
  });
});
