import { afterEach, describe, expect, it, vi } from "vitest";
import { DELETABLE_MS } from "../src/chat-trail.js";
import { KEYS } from "../src/redis.js";
import { FakeTelegram } from "../src/telegram/fake-telegram.js";
import { type FakeUser } from "../src/telegram/fake-user.js";
import { createTestBot, newPerson, newUserId, useRedis, personKey } from "./harness.js";
import { fillReport, labels, sendReport } from "./report-helpers.js";

const clearDone = (locale: "ky" | "ru") => createTestBot(redis).i18n.t(locale, "clear-done");

const redis = useRedis();

afterEach(() => {
  vi.useRealTimers();
});

const CANNOT_DELETE = { ok: false as const, error_code: 400, description: "Bad Request: message can't be deleted" };

/** Ids of everything deleted in this chat, through either method. */
function deletedIds(person: FakeUser): number[] {
  return person.calls.flatMap(({ method, payload }) =>
    method === "deleteMessages" ? (payload.message_ids as number[]) : method === "deleteMessage" ? [payload.message_id as number] : [],
  );
}

/**
 * The chat trail is written just after an update ends, at the next turn of the event loop, on the bot's
 * connection: a PING on the same connection answers once that write is done.
 */
async function trailWritten() {
  await new Promise((resolve) => setImmediate(resolve));
  await redis.ping();
}

/** Ids of the messages the bot sent and the person sent, as Telegram numbered them. */
async function chatAndRemember(person: FakeUser, telegram: FakeTelegram) {
  const incoming: number[] = [];
  const sent: number[] = [];
  telegram.onCall((call, message) => {
    if (message && message.chat_id === person.id && !call.method.startsWith("edit")) sent.push(message.message_id);
  });
  const record = async (send: () => Promise<void>) => {
    const before = await redis.zrange(KEYS.trail + personKey(person.id), "0", "-1");
    await send();
    await trailWritten();
    const after = await redis.zrange(KEYS.trail + personKey(person.id), "0", "-1");
    incoming.push(...after.filter((id) => !before.includes(id)).map(Number).filter((id) => !sent.includes(id)));
  };
  await record(() => person.send("/start"));
  await record(() => person.click("📚 Ваши права"));
  await record(() => person.send("меня избили в милиции"));
  await record(() => person.sendMessage({ sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 1, height: 1, is_animated: false, is_video: false } }));
  // Copies: the listener goes on collecting what the bot sends later.
  return { incoming: [...incoming], sent: [...sent] };
}

describe("clear this chat", () => {
  it("deletes the bot's and the person's messages, then leaves one neutral message", async () => {
    const telegram = new FakeTelegram();
    const { user } = createTestBot(redis, { telegram });
    const person = user({ id: newUserId(), language_code: "ru" });
    const { incoming, sent } = await chatAndRemember(person, telegram);
    expect(incoming).toHaveLength(3); // /start, the question, the sticker; a button press is no message
    expect(sent).toHaveLength(3); // the greeting, the search answer, the fallback; the rights list was an edit

    await person.send("/clear");
    const deleted = deletedIds(person);
    expect(deleted).toEqual(expect.arrayContaining([...incoming, ...sent]));
    expect(deleted).toHaveLength(incoming.length + sent.length + 1); // and the /clear message itself
    expect(person.messages.map((message) => message.text)).toEqual([clearDone("ru")]);
  });

  it("works from the menu button too, in the person's language", async () => {
    const person = newPerson(redis, "ky");
    await person.send("/start");
    await person.click("🧹 Чатты тазалоо");
    expect(person.calls.find((call) => call.method === "answerCallbackQuery")).toBeDefined();
    expect(person.messages.map((message) => message.text)).toEqual([clearDone("ky")]);
  });

  it("keeps going when some messages are already gone or too old to delete", async () => {
    const telegram = new FakeTelegram();
    const { user } = createTestBot(redis, { telegram });
    const person = user({ id: newUserId(), language_code: "ru" });
    const { sent, incoming } = await chatAndRemember(person, telegram);
    const stuck = sent[1]!;
    telegram.fault = (call) =>
      call.method === "deleteMessages" || (call.method === "deleteMessage" && call.payload.message_id === stuck) ? CANNOT_DELETE : undefined;

    await person.send("/clear");
    const oneByOne = person.calls.filter((call) => call.method === "deleteMessage").map((call) => call.payload.message_id);
    expect(oneByOne).toEqual(expect.arrayContaining([...sent, ...incoming]));
    expect(person.messages.map((message) => message.text)).toEqual(["Вот что может помочь:", clearDone("ru")]);
  });

  it("remembers message ids for 48 hours only, in Redis, and does not try older ones", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const telegram = new FakeTelegram();
    const { user } = createTestBot(redis, { telegram });
    const person = user({ id: newUserId(), language_code: "ru" });
    await person.send("/start");
    await trailWritten();
    const old = await redis.zrange(KEYS.trail + personKey(person.id), "0", "-1");
    expect(old).toHaveLength(2);
    const ttl = await redis.pttl(KEYS.trail + personKey(person.id));
    expect(ttl).toBeGreaterThan(DELETABLE_MS - 60_000);
    expect(ttl).toBeLessThanOrEqual(DELETABLE_MS);

    vi.setSystemTime(Date.now() + DELETABLE_MS + 60_000);
    await person.send("/help");
    await trailWritten();
    expect(await redis.zrange(KEYS.trail + personKey(person.id), "0", "-1")).not.toEqual(expect.arrayContaining(old));
    await person.send("/clear");
    expect(deletedIds(person)).toHaveLength(3); // /help, its answer, /clear
    expect(deletedIds(person)).not.toEqual(expect.arrayContaining([Number(old[0])]));
    // Only the neutral message is left to clear next time.
    await trailWritten();
    expect(await redis.zcard(KEYS.trail + personKey(person.id))).toBe(1);
  });

  it("keeps no ids for group chats, where the bot does not clear anything", async () => {
    const { bot } = createTestBot(redis);
    await bot.handleUpdate({
      update_id: 1,
      message: { message_id: 5, date: 0, text: "hi", chat: { id: -100123, type: "group", title: "g" }, from: { id: 77, is_bot: false, first_name: "U" } },
    });
    expect(await redis.keys(`${KEYS.trail}*-100123`)).toEqual([]);
  });
});

describe("clear this chat after a report", () => {
  it("deletes every message of the report form too, the summary with the narrative and the code and PIN included", async () => {
    const bot = createTestBot(redis);
    const person = bot.user({ id: newUserId(), language_code: "ru" });
    const l = labels(bot, "ru");
    await fillReport(person, l, { narrative: "Меня били в отделе всю ночь, требовали признание." });
    await sendReport(person, l);
    expect(person.messages.length).toBeGreaterThan(10);
    const recorded = (await redis.zrange(KEYS.trail + personKey(person.id), "0", "-1")).map(Number);
    // The person's own messages: /report and the narrative (their ids come from the fake user, from 1,000,000).
    expect(recorded.filter((id) => id >= 1_000_000)).toHaveLength(2);
    await person.send("/clear");
    // The chat shows the code and PIN, which exist nowhere else readable: it asks first.
    expect(person.last.text).toBe(`${l("clear-confirm-secrets")}\n${l("clear-confirm")}`);
    expect(deletedIds(person)).toEqual([]);
    await person.click(l("clear-yes"));
    expect(deletedIds(person)).toEqual(expect.arrayContaining(recorded));
    expect(person.messages.map((message) => message.text)).toEqual([clearDone("ru")]);
    // Once cleared, the next clear does not ask again.
    await person.send("/clear");
    expect(person.last.text).toBe(clearDone("ru"));
  });

  it("keeps the chat when the person has not written the code and PIN down yet", async () => {
    const bot = createTestBot(redis);
    const person = bot.user({ id: newUserId(), language_code: "ky" });
    const l = labels(bot, "ky");
    await fillReport(person, l, { narrative: "Мени бөлүмдө түнү бою сабашты, моюнга алдырууну талап кылышты." });
    await sendReport(person, l);
    const count = person.messages.length;
    await person.send("/start");
    await person.click(l("menu-clear"));
    expect(person.last.text).toBe(`${l("clear-confirm-secrets")}\n${l("clear-confirm")}`);
    await person.click(l("clear-no"));
    expect(person.last.text).toBe(l("clear-kept-secrets"));
    expect(person.messages).toHaveLength(count + 2);
    expect(deletedIds(person)).toEqual([]);
  });

  it("deletes an unfinished draft too, after saying so, so that nothing of it can be brought back", async () => {
    const bot = createTestBot(redis);
    const person = bot.user({ id: newUserId(), language_code: "ru" });
    const l = labels(bot, "ru");
    await fillReport(person, l, { narrative: "Меня били в отделе всю ночь, требовали признание." });
    expect(await redis.exists(KEYS.conversation + personKey(person.id))).toBe(1);
    await person.send("/clear");
    expect(person.last.text).toBe(`${l("clear-confirm-draft")}\n${l("clear-confirm")}`);
    // Keeping it says nothing of a code and PIN this person never had.
    await person.click(l("clear-no"));
    expect(person.last.text).toBe(l("clear-kept"));
    await person.send("/clear");
    await person.click(l("clear-yes"));
    expect(person.messages.map((message) => message.text)).toEqual([clearDone("ru")]);
    expect(await redis.exists(KEYS.conversation + personKey(person.id))).toBe(0);
    await person.send("какой-то текст");
    expect(person.last.text).not.toContain("всю ночь");
    await person.send("/report");
    expect(person.last.text).toMatch(/^<b>Прежде чем начать<\/b>/);
  });
});
