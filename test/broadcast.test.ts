import { describe, expect, it } from "vitest";
import { createCipher } from "../src/crypto.js";
import { createBroadcasts, type BroadcastContent } from "../src/news/broadcasts.js";
import { createSubscribers } from "../src/news/subscribers.js";
import type { ApiCall } from "../src/telegram/fake-telegram.js";
import { createTestBot, newUserId, TEST_DATA_KEY, until, useRedis } from "./harness.js";

const redis = useRedis();
const subscribers = createSubscribers(redis, createCipher(TEST_DATA_KEY));
const broadcasts = createBroadcasts(redis);

async function subscribe(count: number, locale: "ky" | "ru", region?: "osh" | "naryn") {
  const ids = Array.from({ length: count }, () => newUserId());
  for (const id of ids) await subscribers.subscribe(id, id, { locale, ...(region ? { region } : {}) });
  return ids;
}

const sendsTo = (calls: ApiCall[], chat: number) => calls.filter((call) => call.method.startsWith("send") && call.payload.chat_id === chat);
const content = (other: Partial<BroadcastContent> = {}): BroadcastContent => ({ text: { ky: "Кабар", ru: "Новость <важно>" }, audience: {}, ...other });

describe("the broadcast engine", () => {
  it("sends every subscriber their language's text once, with the link and a one-tap unsubscribe; 403 unsubscribes, 400 fails, 500 is retried", async () => {
    await redis.flushdb();
    const test = createTestBot(redis);
    const ky = await subscribe(3, "ky");
    const ru = await subscribe(3, "ru", "osh");
    const [blocked, refused, flaky] = [ky[0]!, ru[0]!, ru[1]!];
    let flakyFailed = false;
    test.telegram.fault = ({ method, payload }) => {
      if (method !== "sendMessage") return undefined;
      if (payload.chat_id === blocked) return { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" };
      if (payload.chat_id === refused) return { ok: false, error_code: 400, description: "Bad Request: chat not found" };
      if (payload.chat_id === flaky && !flakyFailed) {
        flakyFailed = true;
        return { ok: false, error_code: 502, description: "Bad Gateway" };
      }
      return undefined;
    };
    const author = newUserId();
    const { id } = await broadcasts.create(content({ link: "https://example.org/news" }), author, { approval: false });
    await test.deliverAlerts();

    const done = (await broadcasts.get(id))!;
    expect(done).toMatchObject({ state: "done", total: 6, sent: 4, failed: 1, blocked: 1 });
    for (const chat of [...ky, ...ru]) expect(sendsTo(test.telegram.calls, chat).length).toBe(chat === flaky ? 2 : 1);
    const message = test.telegram.chat(ky[1]!).at(-1)!;
    // Under the organisation's heading, in the subscriber's language.
    expect(message.text).toBe("📰 <b>Уюмдун жаңылыктары</b>\n\nКабар");
    expect(test.telegram.chat(ru[2]!).at(-1)!.text).toBe("📰 <b>Новости организации</b>\n\nНовость &lt;важно&gt;");
    const buttons = message.reply_markup && "inline_keyboard" in message.reply_markup ? message.reply_markup.inline_keyboard.flat() : [];
    expect(buttons.map((button) => ("url" in button ? button.url : "callback_data" in button ? button.callback_data : ""))).toEqual(["https://example.org/news", "sub:stop"]);
    expect(await subscribers.subscription(blocked)).toBeUndefined();
    expect(await subscribers.subscription(refused)).toEqual({ locale: "ru", region: "osh" });
    // The author's status message ends as the final count, and a report follows it.
    const [status, report] = test.telegram.chat(author);
    // The author's language is not known here (they never used the bot): the default language, Kyrgyz.
    expect(status!.text).toContain("Жөнөтүлдү: 6 ичинен 4");
    expect(status!.text).not.toContain("⏸");
    expect(report!.text).toContain("№1 таратуу аяктады");
  });

  it("sends a segment only, and nothing to a language without text; paid broadcasts say so on every message", async () => {
    await redis.flushdb();
    const test = createTestBot(redis, { env: { BROADCAST_PAID: "true", BROADCAST_RATE: "200" } });
    const kyOsh = await subscribe(2, "ky", "osh");
    const ruOsh = await subscribe(2, "ru", "osh");
    const kyNaryn = await subscribe(2, "ky", "naryn");
    const { id } = await broadcasts.create(content({ text: { ky: "Ошко гана" }, audience: { region: "osh" } }), newUserId(), { approval: false });
    await test.deliverAlerts();
    expect(await broadcasts.get(id)).toMatchObject({ state: "done", total: 2, sent: 2 });
    for (const chat of kyOsh) expect(sendsTo(test.telegram.calls, chat)).toEqual([expect.objectContaining({ payload: expect.objectContaining({ allow_paid_broadcast: true }) })]);
    for (const chat of [...ruOsh, ...kyNaryn]) expect(sendsTo(test.telegram.calls, chat).length).toBe(0);
  });

  it("a scheduled broadcast starts at its time, not before", async () => {
    await redis.flushdb();
    const test = createTestBot(redis);
    const [person] = await subscribe(1, "ru");
    const sentAt: number[] = [];
    test.telegram.onCall((call) => {
      if (call.method === "sendMessage" && call.payload.chat_id === person) sentAt.push(Date.now());
    });
    const sendAt = Date.now() + 1500;
    const { id } = await broadcasts.create(content(), newUserId(), { approval: false, sendAt });
    await test.deliverAlerts();
    expect(await broadcasts.get(id)).toMatchObject({ state: "done", sent: 1 });
    expect(sentAt).toHaveLength(1);
    expect(sentAt[0]!).toBeGreaterThanOrEqual(sendAt);
  });

  it("a 429 holds every send for retry_after, then the message goes again and nobody is counted failed", async () => {
    await redis.flushdb();
    const test = createTestBot(redis, { env: { BROADCAST_RATE: "30" } });
    const people = await subscribe(12, "ru");
    const times: Array<{ chat: number; at: number; limited: boolean }> = [];
    let limited = false;
    test.telegram.fault = ({ method, payload }) => {
      if (method !== "sendMessage" || !people.includes(payload.chat_id)) return undefined;
      const limit = !limited && payload.chat_id === people[3];
      if (limit) limited = true;
      times.push({ chat: payload.chat_id, at: Date.now(), limited: limit });
      return limit ? { ok: false, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } } : undefined;
    };
    const { id } = await broadcasts.create(content(), newUserId(), { approval: false });
    await test.deliverAlerts();
    expect(await broadcasts.get(id)).toMatchObject({ state: "done", sent: 12, failed: 0 });
    const hit = times.find((time) => time.limited)!;
    const after = times.filter((time) => time.at > hit.at);
    // Sends already past the gate may land just after the 429; nothing starts later within the second.
    expect(after.filter((time) => time.at - hit.at > 50 && time.at - hit.at < 950)).toEqual([]);
    expect(after.filter((time) => time.chat === people[3])).toHaveLength(1);
  });

  it("pause stops sending, resume goes on without sending anyone twice, cancel stops it and reports", async () => {
    await redis.flushdb();
    const test = createTestBot(redis, { env: { BROADCAST_RATE: "20" } });
    const people = await subscribe(40, "ky");
    const author = newUserId();
    const { id } = await broadcasts.create(content(), author, { approval: false });
    const delivery = test.deliverAlerts();
    await until(async () => ((await broadcasts.get(id))?.sent ?? 0) >= 5, "some sends");
    expect(await broadcasts.pause(id)).toBe("ok");
    await new Promise((resolve) => setTimeout(resolve, 400));
    const atPause = test.telegram.calls.filter((call) => call.method === "sendMessage" && people.includes(call.payload.chat_id)).length;
    await new Promise((resolve) => setTimeout(resolve, 600));
    const later = test.telegram.calls.filter((call) => call.method === "sendMessage" && people.includes(call.payload.chat_id)).length;
    expect(later).toBe(atPause);
    expect(atPause).toBeLessThan(40);
    await delivery;
    expect(await broadcasts.resume(id)).toBe("ok");
    const resumed = test.deliverAlerts();
    await until(async () => ((await broadcasts.get(id))?.sent ?? 0) >= atPause + 5, "sending again");
    expect(await broadcasts.cancel(id)).toBe("ok");
    await resumed;
    await test.deliverAlerts();
    const ended = (await broadcasts.get(id))!;
    expect(ended.state).toBe("cancelled");
    const counts = people.map((chat) => sendsTo(test.telegram.calls, chat).length);
    expect(Math.max(...counts)).toBe(1);
    expect(counts.filter((count) => count === 1).length).toBe(ended.sent);
    expect(ended.sent).toBeLessThan(40);
    expect(test.telegram.chat(author).at(-1)!.text).toContain("жокко чыгарылды");
  });

  it("a broadcast whose last batch finished while it was paused ends when resumed, with its report", async () => {
    await redis.flushdb();
    const test = createTestBot(redis);
    await subscribe(2, "ru");
    const author = newUserId();
    const { id } = await broadcasts.create(content(), author, { approval: false });
    expect(await broadcasts.start(id, 0, 2, 2)).toBe("ok");
    expect(await broadcasts.pause(id)).toBe("ok");
    expect(await broadcasts.finishBatch(id, 0)).toBe("");
    expect((await broadcasts.get(id))?.state).toBe("paused");
    await redis.hdel("outbox", `b${id}-g0-start`);
    expect(await broadcasts.resume(id)).toBe("ok");
    await test.deliverAlerts();
    expect((await broadcasts.get(id))?.state).toBe("done");
    expect(test.telegram.chat(author).at(-1)?.text).toContain("аяктады");
  });

  it("pause then resume at once, again and again, still reaches everyone once", async () => {
    await redis.flushdb();
    const test = createTestBot(redis, { env: { BROADCAST_RATE: "30" } });
    const people = await subscribe(150, "ru");
    const { id } = await broadcasts.create(content(), newUserId(), { approval: false });
    const delivery = test.deliverAlerts();
    for (let round = 0; round < 4; round++) {
      await until(async () => ((await broadcasts.get(id))?.sent ?? 0) >= 3 + round * 3, "some sends", 20_000);
      expect(await broadcasts.pause(id)).toBe("ok");
      await new Promise((resolve) => setTimeout(resolve, 20 + round * 30));
      expect(await broadcasts.resume(id)).toBe("ok");
    }
    await delivery;
    await test.deliverAlerts();
    const ended = (await broadcasts.get(id))!;
    expect({ state: ended.state, sent: ended.sent, finished: ended.finished }).toEqual({ state: "done", sent: 150, finished: ended.batches });
    const counts = people.map((chat) => sendsTo(test.telegram.calls, chat).length);
    expect(counts.filter((count) => count === 0)).toEqual([]);
    expect(counts.reduce((sum, count) => sum + count, 0) - 150).toBeLessThanOrEqual(32);
  }, 60_000);

  it("a resume while the first start job is still queuing batches goes on from where the new generation starts", async () => {
    await redis.flushdb();
    const test = createTestBot(redis, { env: { BROADCAST_PAID: "true", BROADCAST_RATE: "1000" } });
    const people = await subscribe(20, "ky");
    // Numbers given long ago to people who left: many batches, nearly all empty.
    await redis.set("subscribers:seq", 200_000);
    const { id } = await broadcasts.create(content(), newUserId(), { approval: false });
    const delivery = test.deliverAlerts();
    await until(async () => (await broadcasts.get(id))?.state === "sending", "the start", 20_000);
    expect(await broadcasts.pause(id)).toBe("ok");
    expect(await broadcasts.resume(id)).toBe("ok");
    await delivery;
    await test.deliverAlerts();
    expect(await broadcasts.get(id)).toMatchObject({ state: "done", sent: 20 });
    for (const chat of people) expect(sendsTo(test.telegram.calls, chat).length).toBe(1);
  }, 60_000);

  it("goes out even when the author's status message cannot be sent", async () => {
    await redis.flushdb();
    const test = createTestBot(redis);
    const [person] = await subscribe(1, "ru");
    const author = newUserId();
    test.telegram.fault = ({ method, payload }) =>
      method === "sendMessage" && payload.chat_id === author ? { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" } : undefined;
    const { id } = await broadcasts.create(content(), author, { approval: false });
    await test.deliverAlerts();
    expect(await broadcasts.get(id)).toMatchObject({ state: "done", sent: 1 });
    expect(sendsTo(test.telegram.calls, person!)).toHaveLength(1);
  });
});
