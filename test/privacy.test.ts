import { describe, expect, it } from "vitest";
import { createCipher } from "../src/crypto.js";
import { nameKeysByPseudonym } from "../src/migrations.js";
import { KEYS } from "../src/redis.js";
import { captureLogs, createTestBot, newUserId, personKey, TEST_DATA_KEY, useRedis } from "./harness.js";
import { fillReport, labels, rawRedis, sendReport } from "./report-helpers.js";

const redis = useRedis();

describe("what Redis gives away without DATA_KEY", () => {
  it("names nothing by a Telegram id: not the keys, not the values", async () => {
    const test = createTestBot(redis);
    const l = labels(test, "ru");
    // An id long enough not to turn up by chance among message ids and times.
    const id = 7_314_159_265;
    const person = test.user({ id, language_code: "ru" });
    await person.send("/start");
    await fillReport(person, l, { contact: "anonymous" });
    expect((await redis.keys("*")).filter((key) => key.includes(String(id)))).toEqual([]);
    await sendReport(person, l);
    await person.send("/report");
    await person.send("/check");
    const everything = await rawRedis(redis);
    expect(everything).not.toContain(String(id));
    expect(await redis.exists(KEYS.session + personKey(id))).toBe(1);
  });

  it("moves keys named by Telegram ids, from before, to pseudonyms, dropping the chat id from the session", async () => {
    const id = newUserId();
    await redis.set(`${KEYS.session}${id}`, JSON.stringify({ locale: "ru", formChat: id }), "EX", 3600);
    await redis.zadd(`${KEYS.trail}${id}`, Date.now(), 12);
    await redis.set(`${KEYS.conversation}${id}`, "v1:old-draft");
    const cipher = createCipher(TEST_DATA_KEY);
    expect(await nameKeysByPseudonym(redis, cipher, captureLogs().logger)).toBe(3);
    expect(JSON.parse((await redis.get(KEYS.session + personKey(id)))!)).toEqual({ locale: "ru" });
    expect(await redis.ttl(KEYS.session + personKey(id))).toBeGreaterThan(3500);
    expect(await redis.zrange(KEYS.trail + personKey(id), "0", "-1")).toEqual(["12"]);
    expect((await redis.keys("*")).filter((key) => key.includes(String(id)))).toEqual([]);
    expect(await nameKeysByPseudonym(redis, cipher, captureLogs().logger)).toBe(0);
  });
});
