import { describe, expect, it } from "vitest";
import { createCipher, newDataKey } from "../src/crypto.js";
import { LOCALES } from "../src/config.js";
import { KEYS } from "../src/redis.js";
import { buttonText, buttonsOf } from "../src/telegram/fake-user.js";
import { createTestBot, newUserId, personKey, TEST_DATA_KEY, useRedis } from "./harness.js";
import { fillReport, labels, reportPerson, sendReport, STAFF_CHAT, startReport, storedCase, sticker, summaryOf } from "./report-helpers.js";

const redis = useRedis();

describe("where and when", () => {
  it("offers «outside Kyrgyzstan» and «I don't know / won't say» as regions, stored for statistics and shown to staff", async () => {
    const bot = createTestBot(redis, { env: { STAFF_CHAT_ID: String(STAFF_CHAT) } });
    const l = labels(bot, "ru");
    const person = bot.user({ id: newUserId(), language_code: "ru" });
    await startReport(person, l);
    await person.click(l("report-reporter-witness"));
    await person.click(l("report-place-other"));
    expect(buttonsOf(person.last).map(buttonText).slice(-4)).toEqual([l("report-region-abroad"), l("report-region-unknown"), l("rights-back"), l("report-cancel")]);
    expect(l("report-region-unknown")).toBe("Не знаю / не хочу говорить");
    await person.click(l("report-region-unknown"));
    await person.click(l("report-skip"));
    await person.click(l("report-when-earlier"));
    await person.click(l("report-skip"));
    await person.send("Меня остановили на улице и били дубинкой.");
    await person.click(l("report-continue"));
    await person.click(l("report-urgency-no"));
    await person.click(l("report-done"));
    await person.click(l("report-contact-anonymous"));
    expect(summaryOf(person, l)[0]!.text).toContain(`${l("report-place-other")}, ${l("report-region-unknown")}`);
    const { code } = await sendReport(person, l);
    expect(await redis.hget(KEYS.case + code, "region")).toBe("unknown");
    await bot.deliverAlerts();
    const alert = bot.telegram.chat(STAFF_CHAT).find((message) => message.text.includes(code))!;
    expect(alert.text).toContain(`${bot.i18n.t("ky", "report-region")}: ${bot.i18n.t("ky", "report-region-unknown")}`);
    expect(bot.i18n.t("ky", "report-region-abroad")).toBe("Кыргызстандан тышкары");
  });

  for (const day of ["today", "yesterday"] as const) {
    it(`asks for no date after «${day}», in either direction, and drops a date given before`, async () => {
      const { bot, l, person } = reportPerson(redis, "ky");
      await startReport(person, l);
      await person.click(l("report-reporter-victim"));
      await person.click(l("report-place-police"));
      await person.click(l("report-region-naryn"));
      await person.click(l("report-skip"));
      await person.click(l(`report-when-${day}`));
      expect(person.last.text).toBe(l("report-ask-narrative", { min: 20, max: 4000 }));
      await person.click(l("rights-back"));
      expect(person.last.text).toBe(l("report-ask-when"));
      await person.click(l("report-when-earlier"));
      expect(person.last.text).toBe(l("report-ask-when-text"));
      await person.send("12-ноябрь");
      await person.send("Эки милиция кызматкери мени урушту.");
      await person.click(l("report-continue"));
      await person.click(l("report-urgency-no"));
      await person.click(l("report-done"));
      await person.click(l("report-contact-anonymous"));
      expect(summaryOf(person, l)[0]!.text).toContain(`${l("report-when-earlier")}, 12-ноябрь`);
      await person.click(`✏️ ${l("report-part-when")}`);
      await person.click(l(`report-when-${day}`));
      expect(summaryOf(person, l)[0]!.text).toContain(`<b>${l("report-part-when")}:</b> ${l(`report-when-${day}`)}\n`);
      const { code } = await sendReport(person, l);
      const { secret } = (await storedCase(redis, bot, code))!;
      expect([secret?.when, secret?.whenText]).toEqual([day, undefined]);
    });
  }
});

describe("the consent", () => {
  for (const locale of LOCALES) {
    it(`«Cancel» and /cancel there just leave, with nothing to confirm (${locale})`, async () => {
      const { l, person } = reportPerson(redis, locale);
      await person.send("/report");
      await person.click(l("report-cancel"));
      expect(person.last.text).toBe(l("report-not-started"));
      expect(await redis.exists(KEYS.conversation + personKey(person.id))).toBe(0);
      await person.send("/cancel");
      expect(person.last.text).toBe(l("report-nothing-to-cancel"));
      await person.send("/report");
      await person.send("/cancel");
      expect(person.last.text).toBe(l("report-not-started"));
      await person.send("/start");
      expect(person.messages.map((message) => message.text)).not.toContain(l("report-expired"));
    });
  }

  it("still asks before dropping a draft once the person has agreed", async () => {
    const { l, person } = reportPerson(redis, "ru");
    await startReport(person, l);
    await person.click(l("report-cancel"));
    expect(person.last.text).toBe(l("report-drop-confirm"));
  });

  it("answers a wrong answer by asking the consent again, with its buttons", async () => {
    const { bot, l, person } = reportPerson(redis, "ru");
    await person.send("/report");
    const consent = person.last;
    await person.sendMessage(sticker);
    expect(person.last.text).toBe(`${l("report-hint-button")}\n\n${consent.text}`);
    expect(person.last.reply_markup).toEqual(consent.reply_markup);
    const sent = bot.telegram.calls.filter((call) => call.method === "sendMessage" && call.payload.chat_id === person.id).at(-1)!;
    expect(sent.payload.parse_mode).toBe("HTML");
    await person.click(l("report-agree"));
    expect(person.last.text).toBe(l("report-ask-reporter"));
  });
});

describe("a draft that cannot be read", () => {
  const spoil = {
    "sealed with a key that is no longer configured": async (key: string) => {
      const plain = createCipher(TEST_DATA_KEY).decrypt((await redis.get(key))!);
      await redis.set(key, createCipher(newDataKey()).encrypt(plain), "KEEPTTL");
    },
    "left by an older version of the form": async (key: string) => {
      const cipher = createCipher(TEST_DATA_KEY);
      const state = JSON.parse(cipher.decrypt((await redis.get(key))!)) as { version: [number, number] };
      state.version[1] -= 1;
      await redis.set(key, cipher.encrypt(JSON.stringify(state)), "KEEPTTL");
    },
  };
  for (const [how, damage] of Object.entries(spoil)) {
    it(`is not said to have expired after 24 hours when it is ${how}`, async () => {
      const { l, person } = reportPerson(redis, "ru");
      await startReport(person, l);
      await person.click(l("report-reporter-victim"));
      await damage(KEYS.conversation + personKey(person.id));
      await person.click(l("report-place-police"));
      expect(person.messages.map((message) => message.text)).toContain(l("report-unreadable"));
      expect(person.messages.map((message) => message.text)).not.toContain(l("report-expired"));
      await person.send("/start");
      expect(person.messages.filter((message) => message.text === l("report-unreadable"))).toHaveLength(1);
    });
  }
});

describe("safety advice in the form", () => {
  for (const locale of LOCALES) {
    it(`warns at the contact question that a reply or a call may reach whoever holds the phone, and advises on photos of injuries (${locale})`, async () => {
      const { l, person } = reportPerson(redis, locale);
      await fillReport(person, l);
      await person.click(`✏️ ${l("report-part-evidence")}`);
      expect(person.last.text).toMatch(locale === "ru" ? /Фото травм безопаснее отправить сюда, а потом удалить из галереи/ : /галереясынан өчүрүп салуу/);
      await person.click(l("report-done"));
      await person.click(`✏️ ${l("report-part-contact")}`);
      expect(person.last.text).toMatch(locale === "ru" ? /^Как с вами связаться\?\n.*звонок.*тот, у кого окажется ваш телефон/ : /^Сиз менен кантип байланышабыз\?\n.*чалууну телефонуңуз/);
      expect(buttonsOf(person.last).map(buttonText)[0]).toBe(l("report-contact-anonymous"));
    });
  }
});

describe("a form waiting while the person does something else", () => {
  it("shows its question again on request, since it may be far up the chat", async () => {
    const { l, person } = reportPerson(redis, "ru");
    await person.send("/report");
    await person.click(l("report-agree"));
    await person.click(l("report-reporter-relative"));
    expect(person.last.text).toBe(l("report-ask-place"));
    await person.send("/rights");
    await person.send("/report");
    expect(person.last.text).toBe(l("report-in-progress"));
    await person.click(l("report-ask-again"));
    expect(person.last.text).toBe(l("report-ask-place"));
    await person.click(l("report-place-police"));
    expect(person.last.text).toBe(l("report-ask-region"));
  });
});
