import { KEYS } from "../src/redis.js";
import { Bot } from "grammy";
import { autoRetry } from "@grammyjs/auto-retry";
import { createConversation, type Conversation } from "@grammyjs/conversations";
import { describe, expect, it, vi } from "vitest";
import type { BotContext, ConversationContext } from "../src/bot/context.js";
import { conversationsMiddleware } from "../src/bot/conversations.js";
import { createI18n } from "../src/bot/i18n.js";
import { personKeyOf, sessionStore } from "../src/bot/session.js";
import { FAKE_BOT_INFO, FakeTelegram } from "../src/telegram/fake-telegram.js";
import { FakeUser } from "../src/telegram/fake-user.js";
import { createCipher } from "../src/crypto.js";
import { createChatTrail } from "../src/chat-trail.js";
import { captureLogs, failOnce, newUserId, TEST_DATA_KEY, TEST_TOKEN, throwOnMissingTranslation, useRedis, personKey } from "./harness.js";

const redis = useRedis();

// No feature of this issue has a conversation yet, so a two-step probe runs on the same session,
// i18n and conversation plumbing that createBot installs.
async function probe(conversation: Conversation<BotContext, ConversationContext>, ctx: ConversationContext) {
  await ctx.reply(ctx.t("language-choose"));
  const answer = await conversation.waitFor("message:text");
  await answer.reply(answer.t("language-changed"));
}

function probeBot(telegram: FakeTelegram) {
  const bot = new Bot<BotContext>(TEST_TOKEN, { botInfo: FAKE_BOT_INFO, client: { fetch: telegram.fetch } });
  const i18n = createI18n("ky", throwOnMissingTranslation);
  const retry = autoRetry({ maxRetryAttempts: 2, maxDelaySeconds: 5 });
  const cipher = createCipher(TEST_DATA_KEY);
  const personKey = personKeyOf(cipher);
  const trail = createChatTrail(redis, (chatId) => cipher.pseudonym(String(chatId)));
  bot.use(sessionStore(redis, personKey).middleware, i18n, conversationsMiddleware({ redis, cipher, personKey, i18n, retry, trail, logger: captureLogs().logger }));
  bot.use(createConversation(probe, "probe"));
  bot.command("probe", (ctx) => ctx.conversation.enter("probe"));
  bot.command("ru", (ctx) => {
    ctx.session.locale = "ru";
  });
  return bot;
}

/** A fresh probe bot on the shared Redis, and a person in a private chat with it. */
function probeChat(language_code: string, telegram = new FakeTelegram()) {
  const bot = probeBot(telegram);
  const id = newUserId();
  const person = new FakeUser((update) => bot.handleUpdate(update), telegram, { id, language_code });
  return { bot, id, person };
}

describe("conversations", () => {
  it("record each message for «Clear this chat» once, not again on every replay", async () => {
    const { person } = probeChat("ky");
    // Scripts go by hash first (luaScript), so every run of the trail's script is an EVALSHA on its key.
    const trailWrites = vi.spyOn(redis, "evalsha");
    await person.send("/probe");
    await person.send("ok");
    const writes = trailWrites.mock.calls.filter((call) => String(call[2]).startsWith(KEYS.trail));
    trailWrites.mockRestore();
    // One per message the form sent: the question (first update) and the answer (second, which replays the
    // question). A write's arguments: hash, key count, key, now, window, how many ids, the ids.
    expect(writes).toHaveLength(2);
    expect(writes.map((call) => call.slice(6).map(Number))).toEqual([[person.messages[0]!.message_id], [person.messages[1]!.message_id]]);
  });

  it("speak the language the person chose, on every step, even when Telegram says otherwise", async () => {
    const { person } = probeChat("ky");
    await person.send("/ru");
    await person.send("/probe");
    expect(person.last.text).toBe("Выберите язык:");
    await person.send("ok");
    expect(person.last.text).toBe("Теперь я говорю с вами по-русски.");
  });

  it("keep their state in Redis under their own prefix, across a new bot instance", async () => {
    const telegram = new FakeTelegram();
    const id = newUserId();
    const first = probeBot(telegram);
    await new FakeUser((update) => first.handleUpdate(update), telegram, { id, language_code: "ky" }).send("/probe");
    expect(await redis.exists(KEYS.conversation + personKey(id))).toBe(1);

    const second = probeBot(telegram);
    const person = new FakeUser((update) => second.handleUpdate(update), telegram, { id, language_code: "ky" });
    await person.send("ok");
    expect(person.last.text).toBe("Эми мен сиз менен кыргызча сүйлөшөм.");
    expect(await redis.exists(KEYS.conversation + personKey(id))).toBe(0);
  });

  it("retry a Telegram flood wait inside the conversation", async () => {
    const telegram = new FakeTelegram();
    telegram.fault = failOnce("sendMessage", {
      ok: false, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 },
    });
    const { person } = probeChat("ky", telegram);
    await person.send("/probe");
    expect(person.calls.filter((call) => call.method === "sendMessage")).toHaveLength(2);
    expect(person.last.text).toBe("Тилди тандаңыз:");
  });

  it("read stored state only for people whose session says a form is open", async () => {
    const { id, person } = probeChat("ky");
    const reads = vi.spyOn(redis, "get");
    const conversationReads = () => reads.mock.calls.filter(([key]) => key === KEYS.conversation + personKey(id)).length;
    try {
      await person.send("/ru");
      expect(conversationReads()).toBe(0);
      await person.send("/probe");
      expect(await redis.get(KEYS.session + personKey(id))).toContain(`"formOpen":true`);
      await person.send("ok");
      expect(conversationReads()).toBe(1);
      expect(person.last.text).toBe("Теперь я говорю с вами по-русски.");
      expect(await redis.get(KEYS.session + personKey(id))).not.toContain("formOpen");
      await person.send("/ru");
      expect(conversationReads()).toBe(1);
    } finally {
      reads.mockRestore();
    }
  });

  it("keep waiting in the private chat while the same person writes in a group", async () => {
    const { bot, id, person } = probeChat("ru");
    await person.send("/ru");
    await person.send("/probe");
    await bot.handleUpdate({
      update_id: 1,
      message: { message_id: 1, date: 0, chat: { id: -1001, type: "supergroup", title: "Staff" }, from: { id, is_bot: false, first_name: "A" }, text: "hello" },
    });
    await person.send("ok");
    expect(person.last.text).toBe("Теперь я говорю с вами по-русски.");
  });

  it("stop looking for a draft that has vanished from Redis", async () => {
    const { id, person } = probeChat("ky");
    await person.send("/probe");
    await redis.del(KEYS.conversation + personKey(id));
    await person.send("ok");
    expect(await redis.get(KEYS.session + personKey(id))).not.toContain("formOpen");
  });
});
