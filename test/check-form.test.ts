import { describe, expect, it } from "vitest";
import { foreignCodeChars } from "../src/complaints/codes.js";
import { newUserId, useRedis } from "./harness.js";
import { fillReport, photo, reportPerson, sendReport, storedCase } from "./report-helpers.js";

const redis = useRedis();

async function reported() {
  const { bot, l, person } = reportPerson(redis, "ru");
  await fillReport(person, l);
  const { code, pin } = await sendReport(person, l);
  return { bot, l, code, pin, person: bot.user({ id: newUserId(), language_code: "ru" }) };
}

describe("«Check by code»", () => {
  it("acknowledges every text and file of an addition, once per album, before «Done»", async () => {
    const { bot, l, code, pin, person } = await reported();
    await person.send("/check");
    await person.send(code);
    await person.send(pin);
    await person.click(l("check-add"));
    await person.send("Есть справка из травмпункта.");
    expect(person.last.text).toBe(l("check-addition-added", { length: 28, max: 4000 }));
    await person.send("И свидетель.");
    expect(person.last.text).toBe(l("check-addition-added", { length: 28 + 2 + 12, max: 4000 }));
    const before = person.messages.length;
    for (const id of ["a", "b", "c"]) await person.sendMessage(photo(id, "album"));
    expect(person.messages.length - before).toBe(1);
    expect(person.last.text).toBe(l("report-evidence-received", { max: 10 }));
    await person.sendMessage(photo("single"));
    expect(person.messages.length - before).toBe(2);
    await person.click(l("report-done"));
    expect(person.messages.map((message) => message.text)).toContain(l("check-added"));
    const [addition] = (await storedCase(redis, bot, code))!.additions;
    expect(addition).toMatchObject({ text: "Есть справка из травмпункта.\n\nИ свидетель." });
    expect(addition!.attachments.map((attachment) => attachment.fileId)).toEqual(["photo-a", "photo-b", "photo-c", "photo-single"]);
  });

  it("says which characters of a typed code no code has, and takes a code typed in look-alike Cyrillic", async () => {
    const { l, code, pin, person } = await reported();
    await person.send("/check");
    await person.send("K0M-4QX-9TO");
    expect(person.last.text).toBe(l("check-hint-code-chars", { chars: "0 O" }));
    await person.send("мой код 12");
    expect(person.last.text).toBe(l("check-hint-code"));
    const cyrillic = code.replace(/[AEKMHOPCTYX]/g, (char) => "АЕКМНОРСТУХ"["AEKMHOPCTYX".indexOf(char)]!).toLowerCase();
    await person.send(cyrillic);
    expect(person.last.text).toBe(l("check-ask-pin"));
    await person.send(pin);
    expect(person.last.text).toContain(`<code>${code}</code>`);
  });

  it("names only characters of a text made like a code", () => {
    expect(foreignCodeChars("k7m 4qx 9t0")).toEqual(["0"]);
    expect(foreignCodeChars("B1B-I1L-ZZZ")).toEqual(["B", "1", "I", "L", "Z"]);
    expect(foreignCodeChars("К7М-4QХ-9ТВ")).toEqual(["B"]);
    expect(foreignCodeChars("K7M-4QX-9TD")).toEqual([]);
    expect(foreignCodeChars("мой код 123")).toEqual([]);
    expect(foreignCodeChars("K0M-4QX")).toEqual([]);
  });
});
