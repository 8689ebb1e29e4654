import { afterAll, describe, expect, it } from "vitest";
import { createCipher } from "../src/crypto.js";
import { createBroadcasts } from "../src/news/broadcasts.js";
import { createSubscribers } from "../src/news/subscribers.js";
import { limitedBotApi } from "../bench/fake-bot-api.js";
import { TEST_DATA_KEY, testRedisUrl, until, useRedis } from "./harness.js";
import { cleanUp, EMPTY_DIR, spawnTracked } from "./processes.js";

const redis = useRedis();
const WORKER = new URL("../src/worker.ts", import.meta.url).pathname;
const TSX = import.meta.resolve("tsx");
afterAll(cleanUp);

const PEOPLE = 1500;
const FIRST_CHAT = 40_000_000;
/** Batches one worker runs at once, times sends in flight per batch: the most a kill can leave unmarked. */
const IN_FLIGHT = 4 * 8;

function worker(root: string) {
  return spawnTracked(process.execPath, ["--import", TSX, WORKER], {
    cwd: EMPTY_DIR,
    env: {
      PATH: process.env.PATH, REDIS_URL: testRedisUrl(), DATA_KEY: TEST_DATA_KEY, BOT_TOKEN: "123456:TEST-token-for-the-fake-api",
      TELEGRAM_API_ROOT: root, BROADCAST_RATE: "300", BROADCAST_PAID: "true", BROADCAST_TAKEOVER_SECONDS: "2", LOG_LEVEL: "warn",
    },
  });
}

describe("a broadcast and a worker killed mid-way", () => {
  it("kill -9 of the worker, then another: everyone gets it, at most the sends in flight twice, and the counts stay right", async () => {
    await redis.flushdb();
    const api = await limitedBotApi({ limit: 300, latencyMs: 5 });
    const subscribers = createSubscribers(redis, createCipher(TEST_DATA_KEY));
    await Promise.all(Array.from({ length: PEOPLE }, (_, index) => subscribers.subscribe(FIRST_CHAT + index, FIRST_CHAT + index, { locale: index % 2 ? "ky" : "ru" })));
    const broadcasts = createBroadcasts(redis);
    const { id } = await broadcasts.create({ text: { ky: "Кабар", ru: "Новость" }, audience: {} }, 1, { approval: false });

    const first = worker(api.root);
    await until(() => api.delivered.size >= 400, "the first worker to send to 400", 30_000);
    first.child.kill("SIGKILL");
    await first.exited;
    const deliveredAtKill = [...api.delivered.values()].reduce((sum, count) => sum + count, 0);
    expect(deliveredAtKill).toBeLessThan(PEOPLE);

    const second = worker(api.root);
    await until(async () => (await broadcasts.get(id))?.state === "done", "the broadcast to finish after the restart", 60_000);
    second.child.kill("SIGTERM");
    await second.exited;
    await api.close();

    const counts = Array.from({ length: PEOPLE }, (_, index) => api.delivered.get(FIRST_CHAT + index) ?? 0);
    expect(counts.filter((count) => count === 0)).toEqual([]);
    const twice = counts.reduce((sum, count) => sum + count - 1, 0);
    expect(twice).toBeLessThanOrEqual(IN_FLIGHT);
    expect(await broadcasts.get(id)).toMatchObject({ state: "done", sent: PEOPLE, failed: 0, blocked: 0, total: PEOPLE });
  }, 120_000);
});
