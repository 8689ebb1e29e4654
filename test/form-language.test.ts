import { describe, expect, it } from "vitest";
import { buttonText, buttonsOf, type FakeUser } from "../src/telegram/fake-user.js";
import { newUserId, useRedis } from "./harness.js";
import { fillReport, labels, reportPerson, sendReport, summaryOf } from "./report-helpers.js";

const redis = useRedis();

/** What the bot sent to the person, as new messages, since `from` calls ago. */
const sentSince = (person: FakeUser, from: number) =>
  person.calls.slice(from).filter((call) => call.method === "sendMessage").map((call) => String(call.payload.text));

async function switchTo(person: FakeUser, language: "Кыргызча" | "Русский") {
  await person.send("/language");
  await person.click(language);
}

describe("changing the language in the middle of a form", () => {
  it("asks the report form's question again in the new language, and so the rest of the form, up to the code and PIN", async () => {
    const { bot, l: ky, person } = reportPerson(redis, "ky");
    const ru = labels(bot, "ru");
    await person.send("/report");
    await switchTo(person, "Русский");
    expect(person.last.text).toMatch(/^<b>Прежде чем начать<\/b>/);
    expect(person.last.text).toContain("Бот — не экстренная служба");
    await person.click(ru("report-agree"));
    expect(person.last.text).toBe(ru("report-ask-reporter"));
    await person.click(ru("report-reporter-relative"));

    const before = person.calls.length;
    await switchTo(person, "Кыргызча");
    expect(person.messages.at(-2)?.text).toBe(ky("language-changed"));
    expect(person.last.text).toBe(ky("report-ask-place"));
    expect(buttonsOf(person.last).map(buttonText)).toContain(ky("report-place-police"));
    // Only the prompt and the question asked again: nothing said before is sent a second time.
    expect(sentSince(person, before)).toEqual(["Тилди тандаңыз:\nВыберите язык:", ky("report-ask-place")]);

    await person.click(ky("report-place-police"));
    expect(person.last.text).toBe(ky("report-ask-region"));
    await person.click(ky("report-region-osh"));
    await person.click(ky("report-skip"));
    await person.click(ky("report-when-yesterday"));
    await person.send("Агамды бөлүмдө эки саат сабашты.");
    await person.click(ky("report-continue"));
    await person.click(ky("report-urgency-no"));
    await person.click(ky("report-done"));
    await person.click(ky("report-contact-anonymous"));
    expect(summaryOf(person, ky)[0]!.text).toContain(`<b>${ky("report-part-who")}:</b> ${ky("report-reporter-relative")}`);

    await switchTo(person, "Русский");
    const summary = summaryOf(person, ru);
    expect(summary[0]!.text).toContain(`<b>${ru("report-part-who")}:</b> ${ru("report-reporter-relative")}`);
    expect(buttonsOf(summary.at(-1)).map(buttonText)).toContain(ru("report-send"));
    const { code } = await sendReport(person, ru);
    expect(person.last.text).toMatch(/^✅ Ваше сообщение получено\./);
    expect(person.last.text).toContain(code);
  });

  it("does the same in «Check by code», from the code to the addition", async () => {
    const { bot, l: ru, person: reporter } = reportPerson(redis, "ru");
    await fillReport(reporter, ru);
    const { code, pin } = await sendReport(reporter, ru);
    const ky = labels(bot, "ky");
    const person = bot.user({ id: newUserId(), language_code: "ru" });
    await person.send("/check");
    expect(person.last.text).toBe(ru("check-ask-code"));
    await switchTo(person, "Кыргызча");
    expect(person.last.text).toBe(ky("check-ask-code"));
    await person.send(code);
    expect(person.last.text).toBe(ky("check-ask-pin"));
    await person.send(pin);
    expect(person.last.text).toContain(`Иш <code>${code}</code>`);
    await switchTo(person, "Русский");
    expect(person.last.text).toContain(`Дело <code>${code}</code>\nСтатус: ${ru("case-status-new")}`);
    await person.click(ru("check-add"));
    expect(person.last.text).toBe(ru("check-ask-addition", { max: 10 }));
    await switchTo(person, "Кыргызча");
    expect(person.last.text).toBe(ky("check-ask-addition", { max: 10 }));
    await person.send("Дагы бир күбө бар.");
    await person.click(ky("report-done"));
    expect(person.messages.map((message) => message.text)).toContain(ky("check-added"));
  });
});
