/**
 * npm run bench:broadcast — broadcasts to 20,000 subscribers through a fake Bot API on loopback that takes
 * 500 messages a second (429 with retry_after beyond it), answers 403 for about 2% of chats and 500 for
 * about 0.5% of calls: first with one worker process (`src/worker.ts`), then with two. Prints the rate
 * achieved as a share of the limit, messages delivered twice, subscribers never reached, and the Redis
 * memory the broadcast took per recipient at its peak. Uses Redis database 13 of REDIS_URL, which it flushes.
 */
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCipher, newDataKey } from "../src/crypto.js";
import { createBroadcasts } from "../src/news/broadcasts.js";
import { createSubscribers } from "../src/news/subscribers.js";
import { createRedis } from "../src/redis.js";
import { limitedBotApi } from "./fake-bot-api.js";

const LIMIT = 500;
const SUBSCRIBERS = 20_000;
const FIRST_CHAT = 30_000_000;
const redisUrl = `${(process.env.REDIS_URL ?? "redis://127.0.0.1:6379").replace(/\/\d*$/, "")}/13`;
const WORKER = new URL("../src/worker.ts", import.meta.url).pathname;
const TSX = import.meta.resolve("tsx");
const dataKey = newDataKey();

const redis = createRedis(redisUrl);
const api = await limitedBotApi({ limit: LIMIT, blockedShare: 0.02, errorShare: 0.005 });
const subscribers = createSubscribers(redis, createCipher(dataKey));
const broadcasts = createBroadcasts(redis);
const usedMemory = async () => Number(/used_memory:(\d+)/.exec(await redis.info("memory"))![1]);

function startWorker() {
  const child = spawn(process.execPath, ["--import", TSX, WORKER], {
    cwd: mkdtempSync(join(tmpdir(), "ukuk-bench-")),
    env: {
      PATH: process.env.PATH, REDIS_URL: redisUrl, DATA_KEY: dataKey, BOT_TOKEN: "123456:BENCH-token-for-the-fake-api",
      TELEGRAM_API_ROOT: api.root, BROADCAST_RATE: String(LIMIT), BROADCAST_PAID: "true", LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += String(chunk)));
  child.stderr.on("data", (chunk) => (output += String(chunk)));
  const exited = new Promise((resolve) => child.on("exit", resolve));
  return { child, output: () => output, exited };
}

async function run(workers: number) {
  await redis.flushdb();
  api.reset();
  for (let start = 0; start < SUBSCRIBERS; start += 1000) {
    await Promise.all(Array.from({ length: Math.min(1000, SUBSCRIBERS - start) }, (_, index) => {
      const chat = FIRST_CHAT + start + index;
      return subscribers.subscribe(chat, chat, { locale: index % 3 === 0 ? "ru" : "ky" });
    }));
  }
  const processes = Array.from({ length: workers }, startWorker);
  // Started once each has migrated and its worker runs (the outbox relay picks the broadcast up within a second).
  await new Promise((resolve) => setTimeout(resolve, 500));
  const before = await usedMemory();
  const { id } = await broadcasts.create({ text: { ky: "Уюмдун жаңылыгы: жаңы кеңсе ачылды.", ru: "Новость организации: открылся новый офис." }, audience: {} }, 1, { approval: false });
  let peak = 0;
  for (;;) {
    peak = Math.max(peak, (await usedMemory()) - before);
    const broadcast = await broadcasts.get(id);
    if (broadcast?.state === "done") break;
    const crashed = processes.find((each) => each.child.exitCode !== null);
    if (crashed) throw new Error(`a worker stopped:\n${crashed.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  for (const each of processes) each.child.kill("SIGTERM");
  await Promise.all(processes.map((each) => each.exited));
  const broadcast = (await broadcasts.get(id))!;
  let duplicates = 0;
  let lost = 0;
  for (let index = 0; index < SUBSCRIBERS; index++) {
    const chat = FIRST_CHAT + index;
    const count = api.delivered.get(chat) ?? 0;
    if (count > 1) duplicates += count - 1;
    if (count === 0 && !api.isBlocked(chat)) lost++;
  }
  const result = {
    workers,
    rateRatio: Number((api.rate() / LIMIT).toFixed(3)),
    sent: broadcast.sent, failed: broadcast.failed, blocked: broadcast.blocked,
    refused429: api.stats.limited, serverErrors: api.stats.errors,
    duplicates, lost, bytesPerRecipient: Number((peak / broadcast.total).toFixed(1)),
  };
  console.log(JSON.stringify(result));
  return result;
}

const one = await run(1);
const two = await run(2);
await redis.flushdb();
await redis.quit();
await api.close();
console.log(JSON.stringify({
  rateRatio1: one.rateRatio, rateRatio2: two.rateRatio,
  duplicates: one.duplicates + two.duplicates, lost: one.lost + two.lost,
  bytesPerRecipient: Math.max(one.bytesPerRecipient, two.bytesPerRecipient),
}));
