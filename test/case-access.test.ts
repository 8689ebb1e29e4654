import { describe, expect, it } from "vitest";
import { PANEL } from "../src/bot/case-panel.js";
import { LIST } from "../src/bot/case-list-view.js";
import { CASE_DATA } from "../src/bot/report-view.js";
import { REPORTER_DATA } from "../src/bot/reporter-view.js";
import { NOTE_PROMPT, REPLY_PROMPT } from "../src/bot/reply-prompts.js";
import { KEYS } from "../src/redis.js";
import { FakeTelegram } from "../src/telegram/fake-telegram.js";
import { createTestBot, newUserId, useRedis } from "./harness.js";
import { labels, replyTo, STAFF_CHAT, storeCase } from "./report-helpers.js";
import { createCaseStore } from "../src/complaints/store.js";
import { createCipher } from "../src/crypto.js";

const redis = useRedis();

/** Every key a case action could write: the case and its lists, the indexes, the audit, the outbox. */
async function snapshot() {
  const keys = (await redis.keys("*")).filter((key) => !/^(session|trail|ratelimit|conversation|updates|bull|test\d)/.test(key) && !key.includes(":tmp:")).sort();
  return Promise.all(
    keys.map(async (key) => {
      const type = await redis.type(key);
      const value =
        type === "hash" ? await redis.hgetall(key)
        : type === "list" ? await redis.lrange(key, 0, -1)
        : type === "zset" ? await redis.zrange(key, "0", "-1", "WITHSCORES")
        : type === "set" ? (await redis.smembers(key)).sort()
        : type === "stream" ? await redis.xlen(key)
        : await redis.get(key);
      return [key, value];
    }),
  );
}

describe("the access matrix of case management", () => {
  it("gives a citizen, an editor, and a caseworker where an admin is needed, nothing of a case and changes nothing", async () => {
    await redis.flushdb();
    const store = createCaseStore(redis, createCipher((await import("./harness.js")).TEST_DATA_KEY));
    const code = await storeCase(store, "ACC", { narrative: "Совершенно секретный рассказ о пытках.", contact: { kind: "chat", chatId: 4242 } });
    const closed = await storeCase(store, "ACC");
    await store.move(closed, { to: "closed", reason: "acted-on" }, "staff:1", Date.now());
    const bot = createTestBot(redis, { env: { STAFF_CHAT_ID: String(STAFF_CHAT) }, telegram: new FakeTelegram() });
    const l = labels(bot, "ru");
    const staffMember = newUserId();
    await redis.sadd(KEYS.roles + staffMember, "caseworker");
    // The alerts of the two cases leave the outbox first, so what remains is what the people below cause.
    await bot.deliverAlerts();

    // Caseworker actions: refused to citizens and editors.
    const caseworkerCommands = ["/cases", "/stats"];
    const caseworkerButtons = [
      CASE_DATA.open(code), PANEL.moveData(code, "in-review"), PANEL.moveData(code, "closed", "duplicate"), PANEL.moveData(code, "referred"),
      PANEL.historyData(code), PANEL.noteData(code), PANEL.panelData(code), PANEL.assignData(code, staffMember), PANEL.assignData(code, "?"),
      PANEL.replyData(code), PANEL.consentData(code), PANEL.evidenceData(code),
      LIST.encode({ filter: {}, mine: false, overdue: false, offset: 0 }), LIST.encode({ filter: { urgent: true }, mine: true, overdue: true, offset: 10 }),
    ];
    // Admin actions: refused to caseworkers too.
    const adminCommands = ["/export", "/staff", "/audit"];
    const adminButtons = ["ex:plain", "ex:content", "ex:content:yes", "ex:no", PANEL.extendData(closed)];

    for (const role of [undefined, "editor", "caseworker"] as const) {
      const person = bot.user({ id: newUserId(), language_code: "ru" });
      if (role) await redis.sadd(KEYS.roles + person.id, role);
      const commands = role === "caseworker" ? adminCommands : [...caseworkerCommands, ...adminCommands];
      const buttons = role === "caseworker" ? adminButtons : [...caseworkerButtons, ...adminButtons];
      const before = await snapshot();
      const callsBefore = bot.telegram.calls.length;
      for (const text of commands) await person.send(text);
      for (const data of buttons) await person.pressData({ message_id: 1, text: "" }, data);
      // Answers to prompts the person never got: a note and a reply to the reporter, by the case's code.
      if (role !== "caseworker") {
        await replyTo(bot, person, { message_id: 1, text: NOTE_PROMPT.text(`note ${code}`) }, "подделанная заметка");
        await replyTo(bot, person, { message_id: 1, text: REPLY_PROMPT.text(`reply ${code}`) }, "подделанный ответ");
      }
      // The reporter's buttons, pressed by someone who is not the reporter.
      for (const data of [REPORTER_DATA.answer(code), REPORTER_DATA.consent(code, true)]) await person.pressData({ message_id: 1, text: "" }, data);

      const newCalls = bot.telegram.calls.slice(callsBefore);
      const everything = JSON.stringify(newCalls);
      expect(everything, String(role)).not.toContain("секретный");
      expect(everything, String(role)).not.toContain(code);
      expect(newCalls.filter((call) => ["sendDocument", "sendPhoto", "editMessageText"].includes(call.method)), String(role)).toEqual([]);
      expect(newCalls.every((call) => call.payload.chat_id === undefined || call.payload.chat_id === person.id), String(role)).toBe(true);
      const answers = person.calls.filter((call) => call.method === "answerCallbackQuery").map((call) => call.payload.text);
      expect(answers.every((text) => text === l("unhandled-button") || text === undefined), String(role)).toBe(true);
      await bot.deliverAlerts();
      expect(await snapshot(), String(role)).toEqual(before);
    }
  });
});
