import { describe, expect, it } from "vitest";
import { KEYS } from "../src/redis.js";
import { actionLabel } from "../src/audit/actions.js";
import { FakeTelegram } from "../src/telegram/fake-telegram.js";
import { buttonText, buttonsOf, type FakeUser } from "../src/telegram/fake-user.js";
import { createTestBot, newUserId, useRedis } from "./harness.js";
import { fillReport, labels, openAsCaseworker, replyTo, sendReport, STAFF_CHAT, storedCase, storedHistory, type Answers, auditLines } from "./report-helpers.js";

const redis = useRedis();
const staffBot = () => createTestBot(redis, { env: { STAFF_CHAT_ID: String(STAFF_CHAT) }, telegram: new FakeTelegram() });

/** A reporter (Russian) sends a case; a caseworker opens it. */
async function reported(answers: Answers) {
  const bot = staffBot();
  const reporter = bot.user({ id: newUserId(), language_code: "ru" });
  const l = labels(bot, "ru");
  await fillReport(reporter, l, { narrative: "Меня избили в РОВД, требовали подписать признание.", ...answers });
  const { code, pin } = await sendReport(reporter, l);
  const caseworker = await openAsCaseworker(redis, bot, code);
  return { bot, reporter, caseworker, code, pin, l, ky: labels(bot, "ky") };
}

const promptOf = (user: FakeUser, mark: string) => user.messages.findLast((message) => message.text.startsWith(mark))!;

describe("replies to the reporter", () => {
  it("reach a reporter answered in the chat, signed by the organisation; their answer comes back to the case and its assignee", async () => {
    const { bot, reporter, caseworker, code, l } = await reported({ contact: "chat" });
    await caseworker.click(l("case-take"));
    await caseworker.click(l("case-reply"));
    await replyTo(bot, caseworker, promptOf(caseworker, "💬"), "Здравствуйте. Мы получили сообщение <и> проверяем.");
    expect(caseworker.last.text).toBe(l("case-reply-sent", { code }));
    await bot.deliverAlerts();
    const reply = reporter.last;
    expect(reply.text).toContain("Мы получили сообщение &lt;и&gt; проверяем.");
    expect(reply.text).toContain(code);
    // Signed by the organisation: nothing names or numbers the caseworker.
    expect(reply.text).not.toContain(String(caseworker.id));
    expect(reporter.calls.findLast((call) => call.method === "sendMessage")?.payload.protect_content).toBe(true);

    await reporter.click(l("reporter-answer"));
    await replyTo(bot, reporter, promptOf(reporter, "↩️"), "Спасибо, я могу прийти во вторник.");
    expect(reporter.last.text).toBe(l("reporter-answer-saved", { code }));
    const stored = await storedCase(redis, bot, code);
    expect(stored?.additions.map((addition) => addition.text)).toEqual(["Спасибо, я могу прийти во вторник."]);
    expect((await storedHistory(redis, bot, code)).map((event) => event.action)).toEqual(expect.arrayContaining(["reply", "answer"]));
    await bot.deliverAlerts();
    // The assignee hears of it in their private chat and in their language, with «Open», and without what was written.
    const notice = caseworker.last;
    expect(notice.text).toBe(l("case-reporter-wrote", { code, kind: "answer" }));
    expect(buttonsOf(notice).map(buttonText)).toEqual([l("staff-alert-open")]);
    // The reply was the first action: the case no longer waits for one.
    expect(stored?.firstActionAt).toBeGreaterThan(0);
    // In the audit, without its text; so is a look at the history.
    await caseworker.click(l("case-history"));
    const audit = await auditLines(redis);
    expect(audit).toEqual(expect.arrayContaining([`action reply code ${code} actor staff:${caseworker.id}`, `action history code ${code} actor staff:${caseworker.id}`]));
    expect(audit.join("\n")).not.toContain("проверяем");
    // Every entry has words in /audit.
    const entries = (await redis.xrange(KEYS.audit, "-", "+")).map(([, fields]) => {
      const pairs = Object.fromEntries(fields.flatMap((value, index) => (index % 2 === 0 ? [[value, fields[index + 1]!]] : [])));
      return { action: pairs.action!, details: pairs };
    });
    expect(entries.filter((entry) => actionLabel(entry as never) === undefined)).toEqual([]);
  });

  it("go out only as a reply to their prompt, and reach the reporter in the language they now use; the reporter may just type", async () => {
    const { bot, reporter, caseworker, code, l, ky } = await reported({ contact: "chat" });
    await reporter.send("/language");
    await reporter.click("Кыргызча");
    await caseworker.click(l("case-reply"));
    // Typed instead of replied, or forwarded: nothing leaves, and the caseworker is told how.
    await caseworker.send("Мы получили сообщение.");
    expect(caseworker.last.text).toBe(l("case-reply-how", { code }));
    // A forwarded message is someone else's words: it is left to whatever handles forwards (/staff).
    await caseworker.sendMessage({ text: "личное сообщение коллеги", forward_origin: { type: "hidden_user", date: 0, sender_user_name: "Коллега" } });
    expect(caseworker.last.text).not.toBe(l("case-reply-sent", { code }));
    await bot.deliverAlerts();
    expect(JSON.stringify(reporter.messages)).not.toMatch(/Мы получили|коллеги/);
    await replyTo(bot, caseworker, promptOf(caseworker, "💬"), "Мы получили сообщение.");
    expect(caseworker.last.text).toBe(l("case-reply-sent", { code }));
    await bot.deliverAlerts();
    expect(reporter.last.text).toContain(ky("reporter-reply", { code, named: "no", org: "" }));
    await reporter.click(ky("reporter-answer"));
    await reporter.send("Рахмат, күтөм.");
    expect(reporter.last.text).toBe(ky("reporter-answer-saved", { code }));
    // Answered: the next text is an ordinary message again; so is one after any other button or command.
    await reporter.send("адвокат");
    expect(reporter.last.text).not.toBe(ky("reporter-answer-saved", { code }));
    await reporter.click(ky("reporter-answer"));
    await reporter.send("/help");
    await reporter.send("адвокат керек");
    expect(reporter.last.text).not.toBe(ky("reporter-answer-saved", { code }));
    expect((await storedCase(redis, bot, code))?.additions.map((addition) => addition.text)).toEqual(["Рахмат, күтөм."]);
  });

  it("wait for an anonymous reporter, who reads them when checking with the code and PIN", async () => {
    const { bot, reporter, caseworker, code, pin, l } = await reported({ contact: "anonymous" });
    await caseworker.click(l("case-reply"));
    await replyTo(bot, caseworker, promptOf(caseworker, "💬"), "Пожалуйста, уточните дату.");
    expect(caseworker.last.text).toBe(l("case-reply-kept", { code }));
    const before = reporter.messages.length;
    await bot.deliverAlerts();
    expect(reporter.messages).toHaveLength(before);
    // From another account, as the code and PIN allow.
    const checker = bot.user({ id: newUserId(), language_code: "ru" });
    await checker.send("/check");
    await checker.send(code);
    await checker.send(pin);
    expect(checker.last.text).toContain("Пожалуйста, уточните дату.");
    expect(checker.last.text).toContain(l("check-reply", { date: "" }).split(" от ")[0]!);
  });

  it("cannot be answered by anyone but the reporter: a reply to a forged prompt adds nothing", async () => {
    const { bot, code } = await reported({ contact: "chat" });
    const stranger = bot.user({ id: newUserId(), language_code: "ru" });
    await replyTo(bot, stranger, { message_id: 1, text: `↩️ Ваш ответ по сообщению ${code}` }, "чужой текст");
    await stranger.pressData({ message_id: 1, text: "" }, `rk:${code}:y`);
    const stored = await storedCase(redis, bot, code);
    expect(stored?.additions).toEqual([]);
    expect(stored?.shareConsent).toBeUndefined();
  });

  it("notes never reach the reporter", async () => {
    const { bot, reporter, caseworker, l } = await reported({ contact: "chat", notify: true });
    const seen = reporter.messages.length;
    await caseworker.click(l("case-note"));
    await replyTo(bot, caseworker, promptOf(caseworker, "📝"), "Внутреннее: звонили в ИВС.");
    await bot.deliverAlerts();
    expect(reporter.messages).toHaveLength(seen);
  });
});

describe("consent to share", () => {
  it("is asked in the reporter's chat and language; the answer is in the history, the panel and the referral", async () => {
    const { bot, reporter, caseworker, code, l, ky } = await reported({ contact: "chat" });
    await caseworker.click(l("case-move-referred"));
    await caseworker.click(l("case-referred-prosecutor"));
    // Without a yes, what is passed on has no way to reach the reporter.
    expect(caseworker.last.text).toContain(l("case-contact-withheld"));
    expect(caseworker.last.text).not.toContain(l("report-contact-chat"));

    await caseworker.click(l("case-ask-consent"));
    expect(caseworker.calls.findLast((call) => call.method === "answerCallbackQuery")?.payload.text).toBe(l("case-consent-asked"));
    await bot.deliverAlerts();
    expect(reporter.last.text).toBe(l("reporter-consent-ask", { code, named: "no", org: "" }));
    await reporter.click(l("reporter-consent-yes"));
    expect(reporter.last.text).toBe(l("reporter-consent-given", { code }));
    // Answered once: the button pressed again changes nothing.
    await reporter.pressData({ message_id: 1, text: "" }, `rk:${code}:n`);
    expect((await storedCase(redis, bot, code))?.shareConsent).toBe("yes");
    expect((await storedHistory(redis, bot, code)).filter((event) => event.action.startsWith("consent")).map((event) => [event.action, event.detail])).toEqual([
      ["consent-asked", undefined],
      ["consent", "yes"],
    ]);
    await bot.deliverAlerts();
    expect(bot.telegram.chat(STAFF_CHAT).at(-1)!.text).toBe(ky("case-reporter-wrote", { code, kind: "consent-yes" }));
  });

  it("can be answered when checking with the code and PIN too", async () => {
    const { bot, caseworker, code, pin, l } = await reported({ contact: "chat" });
    await caseworker.click(l("case-ask-consent"));
    const checker = bot.user({ id: newUserId(), language_code: "ru" });
    await checker.send("/check");
    await checker.send(code);
    await checker.send(pin);
    expect(checker.last.text).toContain(l("check-consent-ask"));
    await checker.click(l("reporter-consent-no"));
    expect(checker.messages.map((message) => message.text)).toContain(l("reporter-consent-refused", { code }));
    expect((await storedCase(redis, bot, code))?.shareConsent).toBe("no");
    // Answered: the question is not shown again.
    expect(checker.last.text).not.toContain(l("check-consent-ask"));
  });

  it("is asked once: a second press says what the reporter answered and sends nothing", async () => {
    const { bot, reporter, caseworker, code, l } = await reported({ contact: "chat" });
    await caseworker.click(l("case-ask-consent"));
    await bot.deliverAlerts();
    await reporter.click(l("reporter-consent-yes"));
    const seen = reporter.messages.length;
    await caseworker.click(l("case-ask-consent"));
    expect(caseworker.calls.findLast((call) => call.method === "answerCallbackQuery")?.payload.text).toBe(l("case-consent-already", { state: "yes" }));
    await bot.deliverAlerts();
    expect(reporter.messages).toHaveLength(seen);
    expect((await storedCase(redis, bot, code))?.shareConsent).toBe("yes");
  });

  it("cannot be asked of a reporter who gave no chat", async () => {
    const { caseworker, code, l, bot } = await reported({ contact: "phone" });
    await caseworker.click(l("case-ask-consent"));
    expect(caseworker.calls.findLast((call) => call.method === "answerCallbackQuery")?.payload).toMatchObject({ text: l("case-consent-unreachable"), show_alert: true });
    expect((await storedCase(redis, bot, code))?.shareConsent).toBeUndefined();
  });
});

describe("status notifications", () => {
  for (const notify of [true, false]) {
    it(`reach the reporter only when they asked for them (${notify ? "asked" : "not asked"})`, async () => {
      const { bot, reporter, caseworker, code, l } = await reported({ contact: "chat", notify });
      const seen = reporter.messages.length;
      await caseworker.click(l("case-move-needs-information"));
      await bot.deliverAlerts();
      if (!notify) return expect(reporter.messages).toHaveLength(seen);
      expect(reporter.last.text).toBe(l("reporter-status", { code, status: l("case-status-needs-information"), next: "needs-information" }));
      expect((await redis.hget(KEYS.case + code, "notify"))).toBe("1");
    });
  }

  it("are asked about in the form only after «reply in this chat», and shown in the summary", async () => {
    const bot = staffBot();
    const l = labels(bot, "ky");
    const person = bot.user({ id: newUserId(), language_code: "ky" });
    await fillReport(person, l, { contact: "chat", notify: true });
    expect(person.last.text).toContain(`${l("report-contact-chat")}, ${l("report-notify-summary")}`);
  });
});
