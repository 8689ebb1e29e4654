import { afterEach, describe, expect, it, vi } from "vitest";
import * as codes from "../src/complaints/codes.js";
import { createCaseStore, ownList, TRIES_PER_HOUR } from "../src/complaints/store.js";
import { createCipher, newDataKey } from "../src/crypto.js";
import { KEYS } from "../src/redis.js";
import { buttonText, buttonsOf } from "../src/telegram/fake-user.js";
import { createTestBot, newUserId, useRedis } from "./harness.js";
import { fillReport, labels, photo, sendReport, storedCase, storedHistory } from "./report-helpers.js";

const redis = useRedis();

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

async function reported(contact: "anonymous" | "chat" = "anonymous") {
  const bot = createTestBot(redis);
  const l = labels(bot, "ru");
  const reporter = bot.user({ id: newUserId(), language_code: "ru" });
  await fillReport(reporter, l, { contact, narrative: "Меня избили в отделе милиции ночью." });
  const { code, pin } = await sendReport(reporter, l);
  return { bot, l, reporter, code, pin };
}

/** A PIN that is surely not `pin`. */
const wrongPin = (pin: string) => (pin === "000000" ? "111111" : "000000");

const MINUTE = 60_000;
/** 19:00:00 in Bishkek. */
const SEVEN_PM = Date.UTC(2025, 4, 12, 13);

async function check(person: ReturnType<ReturnType<typeof createTestBot>["user"]>, code: string, pin: string) {
  await person.send("/check");
  await person.send(code);
  await person.send(pin);
}

describe("My reports", () => {
  it("lists the person's non-anonymous cases with their status, and none of the anonymous ones", async () => {
    const { bot, l, reporter, code } = await reported("chat");
    await fillReport(reporter, l);
    await sendReport(reporter, l);
    await reporter.send("/status");
    expect(reporter.last.text).toMatch(new RegExp(`^<b>${l("mine-title")}</b>\n\n<code>${code}</code> — \\d\\d\\.\\d\\d\\.\\d{4} — ${l("case-status-new")}$`));
    expect(buttonsOf(reporter.last).map(buttonText)).toEqual([l("mine-withdraw", { code }), l("mine-check"), l("rights-home")]);
    const stranger = bot.user({ id: newUserId(), language_code: "ru" });
    await stranger.send("/status");
    expect(stranger.last.text).toBe(`<b>${l("mine-title")}</b>\n\n${l("mine-none")}`);
  });

  it("withdraws a case from the list after asking, deleting its content", async () => {
    const { bot, l, reporter, code } = await reported("chat");
    await reporter.send("/status");
    await reporter.click(l("mine-withdraw", { code }));
    expect(reporter.last.text).toBe(l("withdraw-confirm", { code }));
    await reporter.click(l("withdraw-yes"));
    const stored = await redis.hgetall(KEYS.case + code);
    expect(stored.status).toBe("withdrawn");
    expect(stored.secret).toBeUndefined();
    expect(stored).toMatchObject({ placeType: "police", region: "osh" });
    expect(reporter.last.text).toContain(`<code>${code}</code>`);
    expect(reporter.last.text).toContain(l("case-status-withdrawn"));
    const history = await storedHistory(redis, bot, code);
    expect(history.map(({ action, actor }) => `${action} ${actor}`)).toEqual(["submitted reporter", "withdrawn reporter"]);
    expect(history.every(({ at }) => at % 3_600_000 === 0)).toBe(true);
  });

  it("keeps the person's cases and daily count after DATA_KEY is rotated", async () => {
    const oldKey = newDataKey();
    const newKey = newDataKey();
    const before = createTestBot(redis, { env: { DATA_KEY: oldKey } });
    const l = labels(before, "ru");
    const id = newUserId();
    const reporter = before.user({ id, language_code: "ru" });
    await fillReport(reporter, l, { contact: "chat" });
    const { code } = await sendReport(reporter, l);

    const rotated = createCipher(newKey, [oldKey]);
    expect(await createCaseStore(redis, rotated).reportsToday(id, Date.now())).toBe(1);
    const after = createTestBot(redis, { env: { DATA_KEY: newKey, DATA_KEYS_OLD: oldKey } });
    const same = after.user({ id, language_code: "ru" });
    await same.send("/status");
    expect(same.last.text).toContain(`<code>${code}</code>`);
    const [oldList, newList] = [ownList(createCipher(oldKey).pseudonym(String(id))), ownList(rotated.pseudonym(String(id)))];
    expect(await redis.hexists(oldList.key, oldList.field)).toBe(0);
    expect(await redis.hget(newList.key, newList.field)).toBe(code);
    await same.click(l("mine-withdraw", { code }));
    await same.click(l("withdraw-yes"));
    expect(await redis.hget(KEYS.case + code, "status")).toBe("withdrawn");
  });

  it("a forged withdraw button for someone else's case does nothing", async () => {
    const { bot, code } = await reported("chat");
    const other = bot.user({ id: newUserId(), language_code: "ru" });
    await other.pressData({ message_id: 1, text: "x" }, `mine:withdraw-yes:${code}`);
    expect(await redis.hget(KEYS.case + code, "status")).toBe("new");
  });
});

describe("check by code and PIN", () => {
  it("ends when the person writes something else after seeing the case, and the bot answers that instead", async () => {
    const { bot, l, code, pin } = await reported();
    const other = bot.user({ id: newUserId(), language_code: "ru" });
    await check(other, code, pin);
    expect(other.last.text).toContain(`<code>${code}</code>`);
    await other.send("сколько часов могут держать в милиции");
    expect(other.last.text).toBe(l("search-found"));
    await other.send("адвокат");
    expect(other.last.text).toBe(l("search-found"));
  });

  it("says a single addition that is too long did not fit, with how much is already written, and keeps the rest", async () => {
    const { bot, l, code, pin } = await reported();
    const other = bot.user({ id: newUserId(), language_code: "ru" });
    await check(other, code, pin);
    await other.click(l("check-add"));
    await other.send("Первая часть дополнения.");
    await other.send("Я".repeat(4000));
    expect(other.last.text).toBe(l("check-hint-addition-too-long", { max: 4000, length: "Первая часть дополнения.".length }));
    await other.click(l("report-done"));
    expect((await storedCase(redis, bot, code))?.additions.map((addition) => addition.text)).toEqual(["Первая часть дополнения."]);
  });

  it("from another account shows the status, takes more information and evidence, and deletes the PIN message", async () => {
    const { bot, l, code, pin } = await reported();
    const other = bot.user({ id: newUserId(), language_code: "ru" });
    await check(other, code.toLowerCase().replaceAll("-", " "), pin);
    expect(other.calls.some((call) => call.method === "deleteMessage")).toBe(true);
    expect(other.last.text).toContain(`Дело <code>${code}</code>\nСтатус: ${l("case-status-new")}`);
    await other.click(l("check-add"));
    await other.send("Ещё: у меня есть справка от врача.");
    await other.sendMessage(photo("certificate"));
    await other.click(l("report-done"));
    expect(other.messages.map((message) => message.text)).toContain(l("check-added"));
    const stored = await storedCase(redis, bot, code);
    expect(stored?.additions).toEqual([
      { at: expect.any(Number), text: "Ещё: у меня есть справка от врача.", attachments: [{ kind: "photo", fileId: "photo-certificate" }] },
    ]);
  });

  it("gives the same answer for a wrong PIN and an unknown code", async () => {
    const { bot, l, code, pin } = await reported();
    const guesser = bot.user({ id: newUserId(), language_code: "ru" });
    await check(guesser, code, wrongPin(pin));
    expect(guesser.last.text).toBe(l("check-denied"));
    await check(guesser, "CCC-CCC-CCC", "123456");
    expect(guesser.last.text).toBe(l("check-denied"));
  });

  it("does the same scrypt work for an unknown code as for a wrong PIN", async () => {
    const { bot, code, pin } = await reported();
    const verify = vi.spyOn(codes, "verifyPin");
    await check(bot.user({ id: newUserId(), language_code: "ru" }), code, wrongPin(pin));
    await check(bot.user({ id: newUserId(), language_code: "ru" }), "CCC-CCC-CCC", wrongPin(pin));
    expect(verify).toHaveBeenCalledTimes(2);
    const [existing, missing] = verify.mock.calls.map(([, hash]) => hash);
    // Both of today's form (salt and key, no parameters of their own): the same scrypt cost.
    expect(existing).toMatch(/^[A-Za-z0-9+/]{64}$/);
    expect(missing).toMatch(/^[A-Za-z0-9+/]{64}$/);
    expect(await Promise.all(verify.mock.results.map((result) => result.value))).toEqual([false, false]);
  });

  it("lets the right PIN in every time: only failures count against the limit", async () => {
    const { bot, l, code, pin } = await reported();
    const owner = bot.user({ id: newUserId(), language_code: "ru" });
    for (let i = 0; i < 10; i++) {
      await check(owner, code, pin);
      expect(owner.last.text).toContain(`Дело <code>${code}</code>\nСтатус: ${l("case-status-new")}`);
      await owner.click(l("report-done"));
    }
  });

  it("locks an account after 5 failures, says when to try again, and says the same for an unknown code", async () => {
    const { bot, code, pin } = await reported();
    const k = labels(bot, "ky");
    const guesser = bot.user({ id: newUserId(), language_code: "ky" });
    for (let i = 0; i < 3; i++) await check(guesser, code, wrongPin(pin));
    for (let i = 0; i < 2; i++) await check(guesser, "CCC-CCC-CCC", "123456");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(SEVEN_PM);
    const limited = k("check-limited", { minutes: 60, time: "20:00" });
    await check(guesser, code, pin);
    expect(guesser.last.text).toBe(limited);
    expect(limited).toContain("60 мүнөттөн кийин");
    await check(guesser, "CCC-CCC-CCC", "123456");
    expect(guesser.last.text).toBe(limited);
  });

  it("locks a code after 5 failures from any accounts, and tells anyone when to try again from the counter's TTL", async () => {
    const { bot, l, code, pin } = await reported();
    const k = labels(bot, "ky");
    for (let i = 0; i < TRIES_PER_HOUR; i++) await check(bot.user({ id: newUserId(), language_code: "ru" }), code, wrongPin(pin));
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(SEVEN_PM);
    await redis.pexpire(`${KEYS.tries}code:${code}`, 37 * MINUTE - 30_000);
    const owner = bot.user({ id: newUserId(), language_code: "ru" });
    await check(owner, code, pin);
    expect(owner.last.text).toBe(l("check-limited", { minutes: 37, time: "19:37" }));
    expect(owner.last.text).toContain("через 37 минут, после 19:37");
    const other = bot.user({ id: newUserId(), language_code: "ky" });
    await check(other, code, pin);
    expect(other.last.text).toBe(k("check-limited", { minutes: 37, time: "19:37" }));
  });

  it("lets no more than 5 of 20 parallel wrong guesses be checked", async () => {
    const { bot, code, pin } = await reported();
    const store = createCaseStore(redis, createCipher(bot.config.dataKey));
    const verify = vi.spyOn(codes, "verifyPin");
    const results = await Promise.all(Array.from({ length: 20 }, () => store.checkAccess(newUserId(), code, wrongPin(pin))));
    expect(verify).toHaveBeenCalledTimes(TRIES_PER_HOUR);
    expect(results.filter((result) => result.kind === "denied")).toHaveLength(TRIES_PER_HOUR);
    expect(results.filter((result) => result.kind === "limited")).toHaveLength(20 - TRIES_PER_HOUR);
    expect(await store.checkAccess(newUserId(), code, pin)).toMatchObject({ kind: "limited" });
  });

  it("withdraws with the code and PIN after asking", async () => {
    const { bot, l, code, pin } = await reported();
    const person = bot.user({ id: newUserId(), language_code: "ru" });
    await check(person, code, pin);
    await person.click(l("check-withdraw"));
    await person.click(l("withdraw-yes"));
    expect(person.last.text).toBe(l("withdraw-done", { code }));
    expect(await redis.exists(KEYS.case + code + ":content")).toBe(0);
    expect(await redis.hget(KEYS.case + code, "secret")).toBeNull();
    expect(await redis.hget(KEYS.case + code, "status")).toBe("withdrawn");
  });

  it("goes on when Telegram fails to deliver one of its messages, and logs it without the text", async () => {
    const { bot, l, code, pin } = await reported();
    const person = bot.user({ id: newUserId(), language_code: "ru" });
    let failed = false;
    bot.telegram.fault = (call) => {
      if (failed || call.method !== "sendMessage" || call.payload.text !== l("check-ask-pin")) return undefined;
      failed = true;
      return { ok: false, error_code: 400, description: "Bad Request: something broke" };
    };
    await check(person, code, pin);
    expect(failed).toBe(true);
    expect(person.last.text).toContain(`Дело <code>${code}</code>\nСтатус: ${l("case-status-new")}`);
    const warning = bot.logs.records().find((record) => record.msg === "could not deliver a message of a form");
    expect(warning).toMatchObject({ form: "check", level: 40 });
    expect(bot.logs.lines.join("\n")).not.toContain(pin);
  });

  it("explains a malformed code or PIN and asks again", async () => {
    const { bot, l } = await reported();
    const person = bot.user({ id: newUserId(), language_code: "ru" });
    await person.send("/check");
    await person.send("мой код 123");
    expect(person.last.text).toBe(l("check-hint-code"));
    await person.send("CCC-CCC-CCC");
    await person.send("12");
    expect(person.last.text).toBe(l("check-hint-pin"));
    await person.send("/cancel");
    expect(person.last.text).toBe(l("check-cancelled"));
  });
});
