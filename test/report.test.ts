import { afterEach, describe, expect, it, vi } from "vitest";
import { LOCALES } from "../src/config.js";
import { caseMessages } from "../src/bot/report-view.js";
import { KEYS } from "../src/redis.js";
import { FakeTelegram } from "../src/telegram/fake-telegram.js";
import type { FakeUser } from "../src/telegram/fake-user.js";
import { createTestBot, newUserId, useRedis, personKey } from "./harness.js";
import { fillReport, labels, photo, sendReport, STAFF_CHAT, sticker, storedCase } from "./report-helpers.js";

const redis = useRedis();

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** A hint asks the question again: it starts with the hint and carries the step's buttons. */
function expectHint(person: FakeUser, hint: string) {
  expect(person.last.text.startsWith(hint)).toBe(true);
  expect(person.last.reply_markup).toBeDefined();
}

const staffBot = (telegram = new FakeTelegram()) => createTestBot(redis, { env: { STAFF_CHAT_ID: String(STAFF_CHAT) }, telegram });

describe("the report form", () => {
  for (const locale of LOCALES) {
    it(`takes a whole report in ${locale}, gives a code and a PIN, and alerts the staff without the narrative`, async () => {
      const bot = staffBot();
      const l = labels(bot, locale);
      const person = bot.user({ id: newUserId(), language_code: locale });
      await fillReport(person, l, { narrative: "Мени милиция бөлүмүндө эки саат сабашты, атым Азамат.", placeName: "Октябрь РОВД", urgent: true, evidence: 2 });
      expect(person.last.text).toContain(`<b>${l("report-part-place")}:</b> ${l("report-place-police")}, ${l("report-region-osh")}, Октябрь РОВД`);
      expect(person.last.text).toContain("Мени милиция бөлүмүндө эки саат сабашты, атым Азамат.");
      expect(person.last.text).toContain(`<b>${l("report-part-evidence")}:</b> ${l("report-attachments-count", { count: 2 })}`);

      const { code, pin } = await sendReport(person, l);
      expect(code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{3}-[ACDEFGHJKMNPQRTUVWXY34679]{3}-[ACDEFGHJKMNPQRTUVWXY34679]{3}$/);
      const confirmation = person.calls.filter((call) => call.method === "sendMessage").at(-1)!;
      expect(confirmation.payload.protect_content).toBe(true);
      expect(confirmation.payload.text).toContain(pin);

      const stored = await redis.hgetall(KEYS.case + code);
      expect(stored).toMatchObject({ status: "new", placeType: "police", region: "osh", urgent: "1" });
      // Salt and scrypt key, never the PIN itself.
      expect(stored.pinHash).toMatch(/^[A-Za-z0-9+/]{64}$/);
      expect(stored.pinHash).not.toContain(pin);
      expect(Number(stored.consentAt)).toBeGreaterThan(0);
      // What they agreed to: the text of that date, with the retention it stated.
      expect(stored.consentVersion).toBe("2026-12-01, 365 d");
      // Shown to staff in words, in their language.
      const view = caseMessages((key, variables) => bot.i18n.t(locale, key, variables), (await storedCase(redis, bot, code))!).join("\n");
      expect(view).toContain("365");
      expect(view).not.toContain("365 d");
      expect(await redis.exists(KEYS.conversation + personKey(person.id))).toBe(0);

      await bot.deliverAlerts();
      const alert = bot.telegram.calls.find((call) => call.method === "sendMessage" && call.payload.chat_id === STAFF_CHAT && call.payload.text.includes(code))!;
      expect(alert.payload.text.split("\n")[0]).toBe(`<b>${bot.i18n.t("ky", "staff-alert-urgent")}</b>`);
      expect(alert.payload.text).toContain(code);
      expect(alert.payload.text).not.toMatch(/Азамат|сабашты|Октябрь/);
      expect(alert.payload.reply_markup.inline_keyboard[0][0]).toEqual({ text: bot.i18n.t("ky", "staff-alert-open"), callback_data: `case:open:${code}` });
    });
  }

  it("speaks the language the person chose, even when Telegram says otherwise", async () => {
    const bot = createTestBot(redis);
    const person = bot.user({ id: newUserId(), language_code: "ky" });
    await person.send("/language");
    await person.click("Русский");
    await person.send("/report");
    expect(person.last.text).toMatch(/^<b>Прежде чем начать<\/b>/);
    await person.click("✅ Согласен(на), начать");
    expect(person.last.text).toBe("Кто сообщает?");
  });

  it("starts from the menu and from t.me/<bot>?start=report", async () => {
    const bot = createTestBot(redis);
    const person = bot.user({ id: newUserId(), language_code: "ru" });
    await person.send("/start");
    await person.click("📝 Сообщить о пытках");
    expect(person.last.text).toMatch(/^<b>Прежде чем начать<\/b>/);
    const other = bot.user({ id: newUserId(), language_code: "ru" });
    await other.send("/start report");
    expect(other.last.text).toMatch(/^<b>Прежде чем начать<\/b>/);
    // The shipped profile offers no emergency number: none whose operation is verified.
    expect(other.last.text).not.toContain("+996");
    expect(other.last.text).toContain("не экстренная служба и не может вызвать помощь");
  });

  for (const locale of LOCALES) it(`answers wrong input at each step with a specific hint and asks again (${locale})`, async () => {
    const bot = createTestBot(redis);
    const l = labels(bot, locale);
    const person = bot.user({ id: newUserId(), language_code: locale });
    await person.send("/report");
    await person.sendMessage(sticker);
    expectHint(person, l("report-hint-button"));
    await person.click(l("report-agree"));
    await person.send("я родственник");
    expect(person.last.text).toBe(`${l("report-hint-button")}\n\n${l("report-ask-reporter")}`);
    expect(person.last.reply_markup).toEqual(person.messages.at(-2)!.reply_markup);
    await person.click(l("report-reporter-relative"));
    await person.click(l("report-place-police"));
    await person.click(l("report-region-chuy"));
    await person.sendMessage(sticker);
    expectHint(person, l("report-hint-text"));
    await person.send("x".repeat(201));
    expectHint(person, l("report-hint-too-long", { max: 200 }));
    await person.click(l("report-skip"));
    await person.click(l("report-when-earlier"));
    await person.click(l("report-skip"));

    await person.sendMessage(photo("early"));
    expectHint(person, l("report-hint-narrative-text"));
    await person.send("Меня били.");
    await person.click(l("report-continue"));
    expectHint(person, l("report-hint-too-short", { min: 20, missing: 10 }));
    await person.send("y".repeat(4000));
    expectHint(person, l("report-hint-narrative-too-long", { max: 4000, length: 10 }));
    await person.pressData(person.last, "r:v:bishkek");
    expectHint(person, l("report-hint-stale-button"));
    await person.send("Дубинкой, в кабинете на втором этаже.");
    expect(person.last.text).toBe(l("report-narrative-added", { length: 49, max: 4000 }));
    await person.click(l("report-continue"));
    await person.click(l("report-urgency-no"));

    await person.send("вот фото");
    expectHint(person, l("report-hint-evidence"));
    for (let i = 0; i < 10; i++) await person.sendMessage(photo(`p${i}`));
    await person.sendMessage(photo("eleventh"));
    expectHint(person, l("report-hint-too-many", { max: 10 }));
    await person.click(l("report-done"));

    await person.click(l("report-contact-phone"));
    expect(person.last.reply_markup).toMatchObject({
      keyboard: [[{ text: l("report-share-phone"), request_contact: true }], [{ text: l("rights-back") }, { text: l("report-cancel") }]],
    });
    await person.send(l("rights-back"));
    expect(person.last.text).toBe(l("report-ask-contact"));
    await person.click(l("report-contact-phone"));
    await person.send(l("report-cancel"));
    expect(person.last.text).toBe(l("report-drop-confirm"));
    await person.click(l("report-keep"));
    await person.send("позвоните маме");
    expectHint(person, l("report-hint-phone"));
    // A Kyrgyz number with a digit missing is a typo, not a foreign number.
    await person.send("+996 555 12 34 5");
    expectHint(person, l("report-hint-phone"));
    await person.sendMessage({ contact: { phone_number: "996700111222", first_name: "U" } });
    expect(person.messages.at(-2)).toMatchObject({ text: l("report-phone-saved"), reply_markup: { remove_keyboard: true } });

    await person.send("всё верно");
    expectHint(person, l("report-hint-summary"));
    const { code } = await sendReport(person, l);
    const { secret } = (await storedCase(redis, bot, code))!;
    expect(secret!.narrative).toBe("Меня били.\n\nДубинкой, в кабинете на втором этаже.");
    expect(person.last.text).toContain(code);
    expect(secret!.attachments).toHaveLength(10);
    expect(secret!.contact).toEqual({ kind: "phone", phone: "+996700111222" });
  });
});
