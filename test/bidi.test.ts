import { describe, expect, it } from "vitest";
import { createTestBot, newUserId, useRedis } from "./harness.js";
import { fillReport, labels, openAsCaseworker, photo, sendReport, STAFF_CHAT, storedCase, summaryOf } from "./report-helpers.js";

const redis = useRedis();

const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;
// Each of the bidi controls, inside what a person might type.
const controls = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C"];

describe("bidi controls in what a person typed", () => {
  it("are gone from the summary, the staff alert, the case a caseworker opens and the captions of its files; the stored text keeps them", async () => {
    const bot = createTestBot(redis, { env: { STAFF_CHAT_ID: String(STAFF_CHAT) } });
    const l = labels(bot, "ru");
    const person = bot.user({ id: newUserId(), language_code: "ru" });
    const narrative = `Меня били в отделе ${controls.join("")}милиции, код дела \u202EDCBA\u202C.`;
    await fillReport(person, l, { narrative, placeName: "РОВД \u202Eдц\u202C", contact: "phone", phone: "+996 555 123 456" });
    await person.click(`✏️ ${l("report-part-evidence")}`);
    await person.sendMessage({ ...photo("p"), caption: "синяк \u202Eатеб\u202C" });
    await person.click(l("report-done"));
    const summary = summaryOf(person, l).map((message) => message.text).join("\n");
    expect(summary).toContain("Меня били в отделе милиции, код дела DCBA.");
    expect(summary).toContain("РОВД дц");
    expect(summary).not.toMatch(BIDI);

    const { code } = await sendReport(person, l);
    const caseworker = await openAsCaseworker(redis, bot, code);
    await caseworker.click(l("case-evidence"));
    expect(bot.telegram.chat(STAFF_CHAT).find((message) => message.text.includes(code))!.text).not.toMatch(BIDI);
    const shown = caseworker.calls.filter((call) => call.method.startsWith("send")).map((call) => String(call.payload.text ?? call.payload.caption ?? ""));
    expect(shown.join("\n")).toContain("Меня били в отделе милиции");
    expect(shown).toContain("синяк атеб");
    expect(shown.join("\n")).not.toMatch(BIDI);
    expect((await storedCase(redis, bot, code))?.secret?.narrative).toBe(narrative);
  });
});
