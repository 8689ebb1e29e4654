import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { webhookCallback } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { createRedis } from "../src/redis.js";
import { createHttpServer, type ServerDeps } from "../src/server.js";
import { createTestBot, newUserId, startUpdate, useRedis } from "./harness.js";

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

function webhookServer() {
  const test = createTestBot(redis, {
    env: { BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.org/tg/hook", WEBHOOK_SECRET: SECRET },
  });
  const handle = webhookCallback(test.bot, "http", { secretToken: SECRET });
  return { test, url: start({ redis, metrics: test.metrics, logger: test.logs.logger, webhook: { path: "/tg/hook", handle } }) };
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
    const { test, url } = webhookServer();
    const id = newUserId();
    const response = await post(`${await url}/tg/hook`, startUpdate(id), SECRET);
    expect(response.status).toBe(200);
    expect(test.telegram.chat(id).at(-1)?.text).toMatch(/^Здравствуйте!/);
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
