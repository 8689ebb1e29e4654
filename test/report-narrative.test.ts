import { NARRATIVE_MIN } from "../src/complaints/model.js";
import { describe, expect, it } from "vitest";
import type { Message } from "grammy/types";
import { LOCALES } from "../src/config.js";
import { KEYS } from "../src/redis.js";
import { buttonText, buttonsOf, type FakeUser } from "../src/telegram/fake-user.js";
import { createTestBot, newUserId, useRedis } from "./harness.js";
import { fillReport, labels, openAsCaseworker, photo, reportPerson, sendReport, STAFF_CHAT, startReport, storedCase, summaryOf } from "./report-helpers.js";

const redis = useRedis();

const voice = (id: string): Partial<Message> => ({ voice: { file_id: `voice-${id}`, file_unique_id: id, duration: 40 } });
const videoNote = (id: string): Partial<Message> => ({ video_note: { file_id: `round-${id}`, file_unique_id: id, length: 240, duration: 30 } });

/** From /report to «What happened». */
async function atNarrative(person: FakeUser, l: ReturnType<typeof labels>) {
  await startReport(person, l);
  await person.click(l("report-reporter-victim"));
  await person.click(l("report-place-police"));
  await person.click(l("report-region-chuy"));
  await person.click(l("report-skip"));
  await person.click(l("report-when-week"));
  await person.click(l("report-skip"));
  expect(person.last.text).toBe(l("report-ask-narrative", { min: 20, max: 4000 }));
}

/** From the urgency question to the summary, with no evidence and no contact. */
async function toSummary(person: FakeUser, l: ReturnType<typeof labels>) {
  await person.click(l("report-urgency-no"));
  await person.click(l("report-done"));
  await person.click(l("report-contact-anonymous"));
}

describe("telling what happened by voice", () => {
  for (const locale of LOCALES) {
    it(`takes a voice note alone as the narrative, with no minimum length, and shows it in the summary (${locale})`, async () => {
      const { bot, l, person } = reportPerson(redis, locale);
      await atNarrative(person, l);
      await person.sendMessage(voice("story"));
      expect(person.last.text).toBe(l("report-narrative-recorded"));
      await person.click(l("report-continue"));
      expect(person.last.text).toBe(l("report-ask-urgency"));
      await toSummary(person, l);
      const summary = summaryOf(person, l)[0]!.text;
      expect(summary).toContain(`<b>${l("report-part-what")}:</b>\n${l("report-recordings", { count: 1 })}\n<b>${l("report-part-urgency")}`);
      const { code } = await sendReport(person, l);
      const stored = await storedCase(redis, bot, code);
      expect(stored?.secret).toMatchObject({ narrative: "", recordings: [{ kind: "voice", fileId: "voice-story" }], attachments: [] });
    });
  }

  it("takes video and voice notes with a short text beside them, keeps them encrypted and apart from the evidence, and «Show files» sends them first", async () => {
    const bot = createTestBot(redis, { env: { STAFF_CHAT_ID: String(STAFF_CHAT) } });
    const l = labels(bot, "ru");
    const person = bot.user({ id: newUserId(), language_code: "ru" });
    await atNarrative(person, l);
    await person.send("Били.");
    await person.sendMessage(videoNote("told"));
    await person.sendMessage(voice("told"));
    await person.click(l("report-continue"));
    await person.click(l("report-urgency-no"));
    await person.sendMessage(photo("proof"));
    await person.click(l("report-done"));
    await person.click(l("report-contact-anonymous"));
    expect(summaryOf(person, l)[0]!.text).toContain(`${l("report-recordings", { count: 2 })}\nБили.\n`);
    const { code } = await sendReport(person, l);
    expect(JSON.stringify(await redis.hgetall(KEYS.case + code))).not.toMatch(/voice-told|round-told/);
    expect((await storedCase(redis, bot, code))?.secret).toMatchObject({
      narrative: "Били.",
      recordings: [{ kind: "video_note", fileId: "round-told" }, { kind: "voice", fileId: "voice-told" }],
      attachments: [{ kind: "photo", fileId: "photo-proof" }],
    });

    const caseworker = await openAsCaseworker(redis, bot, code);
    await caseworker.click(labels(bot, "ru")("case-evidence"));
    const files = caseworker.calls.filter((call) => call.method.startsWith("send") && call.method !== "sendMessage");
    expect(files.map((call) => [call.method, call.payload.video_note ?? call.payload.voice ?? call.payload.photo, call.payload.protect_content])).toEqual([
      ["sendVideoNote", "round-told", true],
      ["sendVoice", "voice-told", true],
      ["sendPhoto", "photo-proof", true],
    ]);
    expect(caseworker.messages[0]!.text).toContain(l("report-recordings", { count: 2 }));
  });
});

describe("what counts as a description", () => {
  it("does not count emoji towards the minimum length of a text", async () => {
    const { l, person } = reportPerson(redis, "ru");
    await atNarrative(person, l);
    await person.send("😢😢😢😢😢😢😢😢😢😢😢😢 бьют");
    await person.click(l("report-continue"));
    expect(person.last.text).toBe(l("report-hint-too-short", { min: NARRATIVE_MIN, missing: NARRATIVE_MIN - " бьют".length }));
  });

  for (const locale of LOCALES) {
    it(`does not take a text of emoji alone, however long, and says why (${locale})`, async () => {
      const { l, person } = reportPerson(redis, locale);
      await atNarrative(person, l);
      await person.send("😢😢😢😢😢😢😢😢😢😢 👮‍♂️👊 🇰🇬 !!! 1️⃣");
      await person.click(l("report-continue"));
      expect(person.last.text).toBe(l("report-hint-narrative-emoji"));
      expect(buttonsOf(person.last).map(buttonText)).toContain(l("report-continue"));
      await person.send("Милиция кызматкери урду.");
      await person.click(l("report-continue"));
      expect(person.last.text).toBe(l("report-ask-urgency"));
    });
  }
});

describe("«Back» from «What happened»", () => {
  it("asks before dropping what was written after «Write anew», and keeps the earlier text when told to go", async () => {
    const { bot, l, person } = reportPerson(redis, "ru");
    await fillReport(person, l, { narrative: "Прежний рассказ о том, что было в отделе." });
    await person.click(`✏️ ${l("report-part-what")}`);
    await person.click(l("report-rewrite"));
    await person.send("Новый текст, ещё не дописанный.");
    await person.click(l("rights-back"));
    expect(person.last.text).toBe(l("report-back-confirm"));
    await person.click(l("report-back-no"));
    expect(person.last.text).toBe(l("report-back-stay"));
    await person.click(l("rights-back"));
    await person.click(l("report-back-yes"));
    expect(summaryOf(person, l)[0]!.text).toContain("Прежний рассказ о том, что было в отделе.");
    const { code } = await sendReport(person, l);
    expect((await storedCase(redis, bot, code))?.secret?.narrative).toBe("Прежний рассказ о том, что было в отделе.");
  });

  it("asks too when the text typed on the first pass would be lost, and goes back at once when nothing was written", async () => {
    const { l, person } = reportPerson(redis, "ky");
    await atNarrative(person, l);
    await person.click(l("rights-back"));
    expect(person.last.text).toBe(l("report-ask-when-text"));
    await person.click(l("report-skip"));
    await person.send("Кармап алып, сабашты.");
    await person.click(l("rights-back"));
    expect(person.last.text).toBe(l("report-back-confirm"));
    await person.click(l("report-back-yes"));
    expect(person.last.text).toBe(l("report-ask-when-text"));
  });
});
