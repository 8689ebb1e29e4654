import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import type { Update } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import { createRedis, KEYS } from "../src/redis.js";
import { createHttpServer, MAX_UPDATE_BYTES, type ServerDeps } from "../src/server.js";
import { FakeTelegram } from "../src/telegram/fake-telegram.js";
import { createTestBot, durableUpdates, newUserId, startUpdate, useRedis } from "./harness.js";

const redis = useRedis();
const SECRET = "s3cret-token-of-20-chars";
const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function start(deps: ServerDeps): Promise<string> {
  const server = createHttpServer(deps);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function webhookServer(telegram = new FakeTelegram(), journalRedis = redis) {
  const test = createTestBot(redis, {
    telegram,
    env: { BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.org/tg/hook", WEBHOOK_SECRET: SECRET },
  });
  const { dispatcher } = durableUpdates(test, journalRedis);
  const receive = (update: Update) => dispatcher.receive([update]);
  return { test, dispatcher, url: start({ redis, metrics: test.metrics, logger: test.logs.logger, webhook: { path: "/tg/hook", secret: SECRET, receive } }) };
}

const post = (url: string, body: unknown, secret?: string) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}) },
    body: JSON.stringify(body),
  });

describe("webhook", () => {
  it("answers 401 to a missing or wrong secret and handles nothing", async () => {
    const { test, url } = webhookServer();
    const base = await url;
    expect((await post(`${base}/tg/hook`, startUpdate(newUserId()))).status).toBe(401);
    expect((await post(`${base}/tg/hook`, startUpdate(newUserId()), "wrong-secret-wrong-secret")).status).toBe(401);
    expect(test.telegram.calls).toEqual([]);
  });

  it("handles an update that carries the right secret", async () => {
    const { test, url, dispatcher } = webhookServer();
    const id = newUserId();
    const response = await post(`${await url}/tg/hook`, startUpdate(id), SECRET);
    expect(response.status).toBe(200);
    await dispatcher.idle();
    expect(test.telegram.chat(id).at(-1)?.text).toMatch(/^Здравствуйте!/);
  });

  it("answers as soon as the update is recorded, however slow its handling, and handles a resent update once", async () => {
    const telegram = new FakeTelegram();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    telegram.fault = async (call) => (call.method === "sendMessage" ? held.then(() => undefined) : undefined);
    const { url, dispatcher } = webhookServer(telegram);
    const id = newUserId();
    const update = startUpdate(id, 880_000 + id);
    // The reply is held back, as by a slow Telegram: the webhook still answers at once, and again to the resend.
    expect((await post(`${await url}/tg/hook`, update, SECRET)).status).toBe(200);
    expect((await post(`${await url}/tg/hook`, update, SECRET)).status).toBe(200);
    expect(await redis.hexists(KEYS.updatesPending, String(update.update_id))).toBe(1);
    release();
    await dispatcher.idle();
    expect(telegram.calls.filter((call) => call.method === "sendMessage" && call.payload.chat_id === id)).toHaveLength(1);
    expect(await redis.hexists(KEYS.updatesPending, String(update.update_id))).toBe(0);
  });

  it("answers 413 to a body over 1 MB without reading it all, and 400 to something that is not an update", async () => {
    const { url } = webhookServer();
    const base = await url;
    const big = { ...startUpdate(newUserId()), padding: "x".repeat(MAX_UPDATE_BYTES) };
    expect((await post(`${base}/tg/hook`, big, SECRET)).status).toBe(413);
    const streamed = await fetch(`${base}/tg/hook`, {
      method: "POST",
      headers: { "x-telegram-bot-api-secret-token": SECRET },
      body: new ReadableStream({
        pull(controller) {
          controller.enqueue(new Uint8Array(64 * 1024));
        },
      }),
      duplex: "half",
    } as RequestInit).catch((err: unknown) => err);
    expect(streamed instanceof Response ? String(streamed.status) : "connection closed").toMatch(/413|connection closed/);
    expect((await post(`${base}/tg/hook`, { hello: 1 }, SECRET)).status).toBe(400);
  });

  it("answers 503 when the update cannot be recorded, so Telegram sends it again later", async () => {
    const down = createRedis("redis://127.0.0.1:1", { enableOfflineQueue: false, retryStrategy: () => null });
    const { test, url } = webhookServer(new FakeTelegram(), down);
    expect((await post(`${await url}/tg/hook`, startUpdate(newUserId()), SECRET)).status).toBe(503);
    expect(test.telegram.calls).toEqual([]);
    down.disconnect();
  });

  it("serves only the webhook path", async () => {
    const { url } = webhookServer();
    expect((await post(`${await url}/other`, startUpdate(newUserId()), SECRET)).status).toBe(404);
  });
});

describe("/healthz and /metrics", () => {
  it("/healthz is 200 while Redis answers", async () => {
    const { metrics, logs } = createTestBot(redis);
    const base = await start({ redis, metrics, logger: logs.logger });
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
  });

  it("/healthz is 503 when Redis is down", async () => {
    const down = createRedis("redis://127.0.0.1:1", { enableOfflineQueue: false, retryStrategy: () => null });
    const { metrics, logs } = createTestBot(redis);
    const base = await start({ redis: down, metrics, logger: logs.logger });
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(503);
    expect(await response.text()).toBe("redis unavailable\n");
    down.disconnect();
  });

  it("/metrics counts updates and times handlers in Prometheus format", async () => {
    const { metrics, logs, user } = createTestBot(redis);
    const person = user({ id: newUserId(), language_code: "ky" });
    await person.send("/start");
    await person.send("/help");
    await person.click("🌐 Тилди өзгөртүү");
    const base = await start({ redis, metrics, logger: logs.logger });
    const response = await fetch(`${base}/metrics`);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    expect(text).toContain('ukuk_updates_total{type="message"} 2');
    expect(text).toContain('ukuk_updates_total{type="callback_query"} 1');
    expect(text).toContain("ukuk_update_duration_seconds_count 3");
    expect(text).toContain("ukuk_update_errors_total 0");
  });
});
