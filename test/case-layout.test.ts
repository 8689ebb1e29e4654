import { scryptSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyPin } from "../src/complaints/codes.js";
import { CONTENT, createCaseStore } from "../src/complaints/store.js";
import { decodeEvent, encodeEvent } from "../src/complaints/events.js";
import { createCipher } from "../src/crypto.js";
import { layOutCases, migrate } from "../src/migrations.js";
import { KEYS } from "../src/redis.js";
import { captureLogs, TEST_DATA_KEY, useRedis } from "./harness.js";
import { asIndexedBeforeNumbers, storeCase } from "./report-helpers.js";

const redis = useRedis();
const cipher = createCipher(TEST_DATA_KEY);
const store = createCaseStore(redis, cipher);

/** The case as the versions before layout 2 wrote it: the content in the hash, uncompressed, the PIN hash naming its scheme. */
async function asWrittenBefore(code: string, pin: string) {
  const key = KEYS.case + code;
  const salt = Buffer.from("0123456789abcdef");
  const hash = scryptSync(pin, salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  const content = cipher.encrypt(cipher.decrypt((await redis.getBuffer(key + CONTENT))!));
  await redis.multi().hset(key, "secret", content, "pinHash", ["scrypt", 2 ** 15, 8, 1, salt.toString("base64"), hash.toString("base64")].join("$")).del(key + CONTENT).exec();
}

describe("the case layout", () => {
  it("keeps a new case's hash in Redis's compact form, with the content in a key of its own", async () => {
    const code = await storeCase(store, "LAY", { narrative: "В отделе меня били, требовали подписать признание. ".repeat(20) });
    expect(await redis.object("ENCODING", KEYS.case + code)).toBe("listpack");
    expect(await redis.hget(KEYS.case + code, "secret")).toBeNull();
    expect((await store.get(code))?.secret?.narrative).toMatch(/^В отделе меня били/);
  });

  it("lays out earlier cases anew, once: content moved, PIN hash made compact, nothing lost", async () => {
    await redis.flushdb();
    const pin = "123456";
    const code = await storeCase(store, "OLD", { narrative: "Сына держали без адвоката двое суток, били по почкам." });
    await asWrittenBefore(code, pin);
    // As layout 2 left one: its compressed content in its own key, as text.
    const second = await storeCase(store, "TXT", { narrative: "Задержали на улице, в отделе отобрали телефон." });
    const text = cipher.encryptCompressed(cipher.decrypt((await redis.getBuffer(KEYS.case + second + CONTENT))!));
    await redis.set(KEYS.case + second + CONTENT, text);
    const key = KEYS.case + code;
    expect(await redis.object("ENCODING", key)).toBe("hashtable");
    // Readable before the migration too, as a case an older process wrote during an upgrade.
    expect((await store.get(code))?.secret?.narrative).toBe("Сына держали без адвоката двое суток, били по почкам.");
    const before = await redis.hgetall(key);

    expect(await layOutCases(redis, captureLogs().logger)).toBe(2);
    const after = await redis.hgetall(key);
    expect(await redis.object("ENCODING", key)).toBe("listpack");
    expect(after.secret).toBeUndefined();
    expect(await redis.get(key + CONTENT)).toBe(before.secret);
    const { secret: _content, pinHash: _pin, ...rest } = before;
    expect(after).toMatchObject(rest);
    expect(after.pinHash).toHaveLength(64);
    expect(await verifyPin(pin, after.pinHash!)).toBe(true);
    expect(await verifyPin("654321", after.pinHash!)).toBe(false);
    expect((await store.get(code))?.secret?.narrative).toBe("Сына держали без адвоката двое суток, били по почкам.");
    // Compressed text becomes raw bytes, a quarter smaller, without being opened.
    const bytes = (await redis.getBuffer(KEYS.case + second + CONTENT))!;
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0x62, 0x01]));
    expect(bytes.length).toBeLessThan(text.length * 0.8);
    expect((await store.get(second))?.secret?.narrative).toBe("Задержали на улице, в отделе отобрали телефон.");
    expect(await layOutCases(redis, captureLogs().logger)).toBe(0);
  });

  it("withdraws a case an older process wrote, content and all", async () => {
    await redis.flushdb();
    const code = await storeCase(store, "WDR");
    await asWrittenBefore(code, "123456");
    expect(await store.withdraw(code, "reporter", Date.now())).toBe(true);
    expect(await redis.hget(KEYS.case + code, "secret")).toBeNull();
    expect(await redis.exists(KEYS.case + code + CONTENT)).toBe(0);
    expect((await store.get(code))?.secret).toBeUndefined();
  });

  it("never shows, and deletes at the next layout, the content of a case an older process withdrew", async () => {
    await redis.flushdb();
    const code = await storeCase(store, "OWD");
    // An older version's withdrawal knew nothing of the content's own key.
    await redis.multi().hset(KEYS.case + code, "status", "withdrawn").del(`${KEYS.case}${code}:additions`).exec();
    expect(await redis.exists(KEYS.case + code + CONTENT)).toBe(1);
    expect((await store.get(code))?.secret).toBeUndefined();
    await redis.set(`${KEYS.casesBy}layout`, "3");
    await layOutCases(redis, captureLogs().logger);
    expect(await redis.exists(KEYS.case + code + CONTENT)).toBe(0);
    expect((await store.get(code))?.status).toBe("withdrawn");
  });

  it("moves a reporter's own list from an earlier version's set into the shared hash, and deletion still finds it", async () => {
    await redis.flushdb();
    const [first, second] = [await storeCase(store, "SET"), await storeCase(store, "SET")];
    const reporter = 4242;
    const pseudonym = cipher.pseudonym(String(reporter));
    await redis.sadd(KEYS.ownCases + pseudonym, first, second);
    await redis.set(`${KEYS.casesBy}layout`, "4");
    expect(await layOutCases(redis, captureLogs().logger)).toBe(1);
    expect(await redis.exists(KEYS.ownCases + pseudonym)).toBe(0);
    expect(await redis.object("ENCODING", KEYS.owners + pseudonym.slice(0, 2))).toBe("listpack");
    expect((await store.listOwn(reporter)).map((item) => item.code).sort()).toEqual([first, second].sort());
    expect(await store.isOwn(reporter, second)).toBe(true);
    expect(await layOutCases(redis, captureLogs().logger)).toBe(0);
  });

  it("keeps a history entry in a few dozen bytes, and reads earlier versions' JSON entries, and forgets the texts of both", async () => {
    await redis.flushdb();
    const at = Date.UTC(2026, 10, 30, 9, 15, 42, 123);
    const move = { action: "status", actor: "staff:700000006", at, status: "closed" as const, detail: "acted-on" };
    expect(encodeEvent(move).length).toBeLessThan(JSON.stringify(move).length / 2 + 5);
    expect(decodeEvent(encodeEvent(move))).toEqual(move);
    expect(encodeEvent(move)).not.toContain("staff:");
    expect(decodeEvent(encodeEvent({ action: "submitted", actor: "reporter", at }))).toEqual({ action: "submitted", actor: "reporter", at });
    expect(decodeEvent(encodeEvent({ action: "x", actor: "staff:1", at, detail: "a|b" }))).toEqual({ action: "x", actor: "staff:1", at, detail: "a|b" });

    const code = await storeCase(store, "EVT");
    const events = `${KEYS.case}${code}:events`;
    // An earlier version's note, as JSON, before a note of this version.
    await redis.rpush(events, JSON.stringify({ action: "note", actor: "staff:1", at, sealed: cipher.encrypt("старая заметка") }));
    expect(await store.addNote(code, "новая заметка", "staff:1", at + 1)).toBe(true);
    expect((await store.history(code)).map((event) => [event.action, event.note])).toEqual([["submitted", undefined], ["note", "старая заметка"], ["note", "новая заметка"]]);
    expect(await store.withdraw(code, "reporter", at + 2)).toBe(true);
    expect(JSON.stringify(await redis.lrange(events, 0, -1))).not.toContain("v1:");
    expect((await store.history(code)).map((event) => [event.action, event.actor, event.deleted ?? false, event.note])).toEqual([
      ["submitted", "reporter", false, undefined], ["note", "staff:1", true, undefined], ["note", "staff:1", true, undefined], ["withdrawn", "reporter", false, undefined],
    ]);
  });

  it("migrates one process at a time: a second waits for the first, and a lock whose holder died frees itself", async () => {
    await redis.flushdb();
    const code = await storeCase(store, "LCK");
    await asIndexedBeforeNumbers(redis);
    // A process that died while migrating left its lock behind.
    await redis.set("migrations:lock", "a process that died", "PX", 300);
    const logs = captureLogs();
    await Promise.all([migrate(redis, cipher, logs.logger, 365), migrate(redis, cipher, logs.logger, 365)]);
    const messages = logs.records().map((record) => record.msg);
    expect(messages.filter((msg) => msg === "waiting for another process to finish migrating the data")).toHaveLength(2);
    expect(messages.filter((msg) => msg === "numbered the cases and built the case list's indexes")).toHaveLength(1);
    expect(await redis.exists("migrations:lock")).toBe(0);
    expect((await store.list({}, 0, 10)).cases.map((item) => item.code)).toEqual([code]);
  });

  it("takes in, at the next start, a case that a process of an earlier version wrote after the upgrade", async () => {
    await redis.flushdb();
    await migrate(redis, cipher, captureLogs().logger, 365);
    const reporter = 5151;
    const pseudonym = cipher.pseudonym(String(reporter));
    const code = "OLD-VER-AAA";
    const hour = Date.UTC(2026, 10, 30, 9);
    // As such a process writes a named case it has closed: a hash without a number, sorted sets, the reporter's set.
    await redis.multi()
      .hset(KEYS.case + code, { status: "closed", region: "naryn", placeType: "police", urgent: "1", createdAt: hour, updatedAt: hour, firstActionAt: hour + 5 * 3_600_000, retainUntil: hour + 400 * 86_400_000 })
      .zadd("cases", hour, code).zadd(`${KEYS.casesBy}status:closed`, hour, code).zadd("cases:first-action", 5, code).sadd(KEYS.ownCases + pseudonym, code)
      .exec();
    const logs = captureLogs();
    await migrate(redis, cipher, logs.logger, 365);
    expect(logs.records().some((record) => record.level === 40 && String(record.msg).startsWith("numbered cases that a process of an earlier version wrote"))).toBe(true);
    expect((await store.list({ region: "naryn", urgent: true, status: "closed" }, 0, 10)).cases.map((item) => item.code)).toEqual([code]);
    expect((await store.listOwn(reporter)).map((item) => item.code)).toEqual([code]);
    expect(await redis.hgetall(KEYS.firstAction)).toEqual({ 5: "1" });
    expect(await redis.exists("cases", `${KEYS.casesBy}status:closed`, "cases:first-action", KEYS.ownCases + pseudonym)).toBe(0);
  });

  it("folds an earlier version's hours to a first action, kept per case, into counts per hour, once", async () => {
    await redis.flushdb();
    await redis.zadd("cases:first-action", 30, "A", 5, "B", 30, "C");
    await redis.hset(KEYS.firstAction, 5, 1);
    await redis.set(`${KEYS.casesBy}layout`, "5");
    await layOutCases(redis, captureLogs().logger);
    expect(await redis.exists("cases:first-action")).toBe(0);
    expect(await redis.hgetall(KEYS.firstAction)).toEqual({ 5: "2", 30: "2" });
    await layOutCases(redis, captureLogs().logger);
    expect(await redis.hgetall(KEYS.firstAction)).toEqual({ 5: "2", 30: "2" });
  });
});
