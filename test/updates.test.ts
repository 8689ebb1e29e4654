import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { KEYS, RedisUnavailable } from "../src/redis.js";
import { FakeUser } from "../src/telegram/fake-user.js";
import { createDispatcher, durableUpdates as startDurableUpdates } from "../src/updates/dispatcher.js";
import { createCipher } from "../src/crypto.js";
import { NARRATIVE_MAX } from "../src/complaints/model.js";
import { createTestBot, durableUpdates, newUserId, until, useRedis } from "./harness.js";
import { labels, rawRedis } from "./report-helpers.js";

const redis = useRedis();

/** A person whose updates are only collected, as Telegram holds them, not handed to any bot. */
function collector(test: ReturnType<typeof createTestBot>, language_code = "ru") {
  const updates: Update[] = [];
  const person = new FakeUser(async (update) => void updates.push(update), test.telegram, { id: newUserId(), language_code });
  return { person, updates };
}

describe("updates recorded in the journal", () => {
  it("left by a process that stopped while another runs, are taken over by the running one; a later update of that person waits for them", async () => {
    const test = createTestBot(redis, { env: { BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.org/hook", WEBHOOK_SECRET: "a-secret-of-enough-length" } });
    const l = labels(test, "ru");
    const { person, updates } = collector(test);
    await person.send("/help");
    await person.send("/contacts");
    const running = startDurableUpdates((update) => test.bot.handleUpdate(update), redis, createCipher(test.config.dataKey), test.logs.logger, { sweepEveryMs: 300 });
    await running.dispatcher.catchUp();
    // Another process recorded /help and stopped before handling it; the running one is not behind.
    const { journal } = startDurableUpdates((update) => test.bot.handleUpdate(update), redis, createCipher(test.config.dataKey), test.logs.logger, { sweepEveryMs: 60_000 });
    await journal.record([updates[0]!]);
    // /contacts comes to the running process: it waits for the person's /help, which the sweep then hands over.
    await (await running.dispatcher.receive([updates[1]!])).handedOver;
    await until(async () => (await redis.hlen(KEYS.updatesPending)) === 0, "both to be handled", 5000);
    await running.dispatcher.idle();
    running.dispatcher.close();
    const texts = person.messages.map((message) => message.text);
    expect(texts).toHaveLength(2);
    expect(texts[0]).toBe(l("help-text"));
  });

  it("are handled, in order, by the next process when the one that recorded them died before handling them", async () => {
    const test = createTestBot(redis);
    const l = labels(test, "ru");
    const { person, updates } = collector(test);
    await person.send("/report");
    await person.pressData({ message_id: 1, text: "" }, "r:agree");
    await person.pressData({ message_id: 1, text: "" }, "r:v:relative");
    const { journal } = durableUpdates(test, redis);
    expect(await journal.record(updates)).toHaveLength(3);
    // The journal holds what the person wrote only encrypted.
    expect(await rawRedis(redis)).not.toContain("r:v:relative");

    const { dispatcher } = durableUpdates(test, redis);
    await dispatcher.catchUp();
    await dispatcher.idle();
    expect(person.last.text).toBe(l("report-ask-place"));
    expect(await redis.hlen(KEYS.updatesPending)).toBe(0);
  });

  it("change nothing a second time when one that was handled is handed over again", async () => {
    const test = createTestBot(redis);
    const { person, updates } = collector(test);
    await person.send("/start");
    const { journal, dispatcher } = durableUpdates(test, redis);
    await (await dispatcher.receive(updates)).handedOver;
    await dispatcher.idle();
    const sent = test.telegram.calls.length;
    // As if the process died after handling it but before taking it out of the journal.
    await redis.zrem(KEYS.updatesSeen, String(updates[0]!.update_id));
    expect(await journal.record(updates)).toHaveLength(1);
    const next = durableUpdates(test, redis).dispatcher;
    await next.catchUp();
    await next.idle();
    expect(test.telegram.calls.length).toBe(sent);
  });

  it("are dropped when Telegram sends them again", async () => {
    const test = createTestBot(redis);
    const { person, updates } = collector(test);
    await person.send("/help");
    const { journal } = durableUpdates(test, redis);
    expect(await journal.record(updates)).toHaveLength(1);
    expect(await journal.record(updates)).toHaveLength(0);
    await journal.done(updates[0]!.update_id);
  });

  it("stay recorded while Redis is unavailable, and are then handled in each person's order", async () => {
    const test = createTestBot(redis);
    const { person, updates } = collector(test);
    await person.send("/report");
    await person.pressData({ message_id: 1, text: "" }, "r:agree");
    const { journal } = durableUpdates(test, redis);
    let down = true;
    const handled: number[] = [];
    const dispatcher = createDispatcher({
      journal,
      logger: test.logs.logger,
      redisUp: async () => !down,
      handle: async (update) => {
        if (down) throw new RedisUnavailable(new Error("Connection is closed."));
        handled.push(update.update_id);
        await test.bot.handleUpdate(update);
      },
    });
    await dispatcher.catchUp();
    await (await dispatcher.receive(updates)).handedOver;
    await dispatcher.idle();
    expect(handled).toEqual([]);
    expect(await redis.hlen(KEYS.updatesPending)).toBe(2);
    expect(dispatcher.isBehind()).toBe(true);

    down = false;
    expect(await dispatcher.catchUp()).toBe(true);
    await dispatcher.idle();
    dispatcher.close();
    expect(handled).toEqual(updates.map((update) => update.update_id));
    expect(person.last.text).toBe(labels(test, "ru")("report-ask-reporter"));
    expect(await redis.hlen(KEYS.updatesPending)).toBe(0);
  });

  it("take a form's answer once when the process died after saving the form and before saving the session", async () => {
    const before = createTestBot(redis);
    const l = labels(before, "ru");
    // The process dies at the session's own write: every write before it has reached Redis.
    let dying = false;
    const redisThatDies = new Proxy(redis, {
      get(target, name) {
        if (name === "set") return (key: string, ...rest: unknown[]) => (dying && key.startsWith(KEYS.session) ? new Promise(() => {}) : Reflect.apply(target.set, target, [key, ...rest]));
        const value = Reflect.get(target, name, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const test = createTestBot(redisThatDies, { telegram: before.telegram });
    const { dispatcher } = durableUpdates(test, redis);
    const person = new FakeUser(async (update) => void (await dispatcher.receive([update])).handedOver, test.telegram, { id: newUserId(), language_code: "ru" });
    await person.send("/report");
    for (const label of ["report-agree", "report-reporter-relative", "report-place-police", "report-region-osh", "report-skip", "report-when-yesterday"]) {
      await dispatcher.idle();
      await person.click(l(label));
    }
    await dispatcher.idle();
    dying = true;
    const narrative = "They beat my brother at the station for two hours.";
    await person.send(narrative);
    const added = l("report-narrative-added", { length: narrative.length, max: NARRATIVE_MAX });
    await until(() => person.last.text === added, "the narrative to be taken");

    const after = durableUpdates(createTestBot(redis, { telegram: before.telegram }), redis).dispatcher;
    await after.catchUp();
    await after.idle();
    expect(person.last.text).toBe(added);
    expect(await redis.hlen(KEYS.updatesPending)).toBe(0);
  });

  it("are handed over while being recorded, and acted on only once recorded as new", async () => {
    const test = createTestBot(redis);
    const l = labels(test, "ru");
    const { person, updates } = collector(test);
    await person.send("/help");
    const { dispatcher } = durableUpdates(test, redis);
    // Telegram's copy and the same update sent again, arriving together: answered once.
    const copy = JSON.parse(JSON.stringify(updates[0])) as Update;
    const received = await Promise.all([dispatcher.receive(updates), dispatcher.receive([copy])]);
    await Promise.all(received.map((each) => each.handedOver));
    await dispatcher.idle();
    expect(person.messages.filter((message) => message.text === l("help-text"))).toHaveLength(1);
    expect(await redis.hlen(KEYS.updatesPending)).toBe(0);

    // One that could not be recorded is left to Telegram, untouched: no answer, nothing taken out.
    await person.send("/start");
    const done: number[] = [];
    const failing = createDispatcher({
      journal: {
        record: async () => {
          await new Promise((resolve) => setTimeout(resolve, 50));
          throw new Error("Connection is closed.");
        },
        done: async (id) => void done.push(id),
        pending: async () => [],
        stale: async () => [],
      },
      logger: test.logs.logger,
      redisUp: async () => true,
      handle: (update) => test.bot.handleUpdate(update),
    });
    const sent = test.telegram.calls.length;
    await expect(failing.receive([updates[1]!])).rejects.toThrow("Connection is closed.");
    await failing.idle();
    failing.close();
    expect(test.telegram.calls.length).toBe(sent);
    expect(done).toEqual([]);
  });

  it("keep each person's order when an update arrives while a recovery reads the journal", async () => {
    const test = createTestBot(redis);
    const { person, updates } = collector(test);
    await person.send("/start");
    await person.send("/help");
    const { journal } = durableUpdates(test, redis);
    const handled: string[] = [];
    const dispatcher = createDispatcher({
      journal,
      logger: test.logs.logger,
      redisUp: async () => true,
      handle: async (update) => {
        await test.bot.handleUpdate(update);
        handled.push(update.message?.text ?? "");
      },
    });
    // /start was recorded by a process that died before handling it.
    expect(await journal.record([updates[0]!])).toHaveLength(1);
    const recovery = dispatcher.catchUp();
    // /help arrives as soon as the recovery has seen Redis answer, while it reads the journal.
    for (let i = 0; i < 5 && dispatcher.isBehind(); i++) await Promise.resolve();
    await (await dispatcher.receive([updates[1]!])).handedOver;
    await recovery;
    await dispatcher.idle();
    dispatcher.close();
    expect(handled).toEqual(["/start", "/help"]);
    expect(dispatcher.isBehind()).toBe(false);
  });

  it("act on an update a recovery brings while a copy of it, which turns out not to be the recorded one, is in flight", async () => {
    const test = createTestBot(redis);
    const l = labels(test, "ru");
    const { person, updates } = collector(test);
    await person.send("/help");
    const { dispatcher, journal, copy, release } = await copyHeldInFlight(test, updates);
    // A recovery reads the journal while the copy is still in flight.
    await dispatcher.catchUp();
    // And Telegram sends it once more meanwhile.
    await (await dispatcher.receive([JSON.parse(JSON.stringify(updates[0])) as Update])).handedOver;
    release();
    await dispatcher.idle();
    await until(async () => (await redis.hlen(KEYS.updatesPending)) === 0, "the update to be taken out");
    dispatcher.close();
    expect(copy.update_id).toBe(updates[0]!.update_id);
    expect(person.messages.filter((message) => message.text === l("help-text"))).toHaveLength(1);
    expect(await journal.pending()).toEqual([]);
  });

  it("keep each person's order when a recovery brings updates while a copy of the first is in flight", async () => {
    const test = createTestBot(redis);
    const { person, updates } = collector(test);
    await person.send("/start");
    await person.send("/help");
    const { dispatcher, handled, release } = await copyHeldInFlight(test, updates);
    await dispatcher.catchUp();
    release();
    await dispatcher.idle();
    dispatcher.close();
    expect(handled).toEqual(["/start", "/help"]);
    expect(await redis.hlen(KEYS.updatesPending)).toBe(0);
  });
});

/**
 * The updates recorded already (as by a process that died before handling them), then the first sent again
 * by Telegram and handed over, held in flight until `release`. `handled` lists the texts of the others.
 */
async function copyHeldInFlight(test: ReturnType<typeof createTestBot>, updates: Update[]) {
  const { journal } = durableUpdates(test, redis);
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const handled: string[] = [];
  const copy = JSON.parse(JSON.stringify(updates[0])) as Update;
  const dispatcher = createDispatcher({
    journal,
    logger: test.logs.logger,
    redisUp: async () => true,
    handle: async (update) => {
      if (update === copy) await held;
      await test.bot.handleUpdate(update);
      if (update !== copy) handled.push(update.message?.text ?? "");
    },
  });
  await dispatcher.catchUp();
  expect(await journal.record(updates)).toHaveLength(updates.length);
  await (await dispatcher.receive([copy])).handedOver;
  return { dispatcher, journal, copy, handled, release };
}
