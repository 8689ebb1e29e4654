import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { Update } from "grammy/types";
import type { Redis } from "ioredis";
import type { Logger } from "./logger.js";
import type { Metrics } from "./metrics.js";
import { pingWithin } from "./redis.js";

/** Telegram's updates are a few kilobytes; anything this large is not one. */
export const MAX_UPDATE_BYTES = 1024 * 1024;

export interface ServerDeps {
  redis: Redis;
  metrics: Metrics;
  logger: Logger;
  /** Only in webhook mode: the path Telegram posts to, its secret, and what records an update. */
  webhook?: { path: string; secret: string; receive: (update: Update) => Promise<unknown> };
}

const sameSecret = (given: string | string[] | undefined, secret: string) =>
  typeof given === "string" && given.length === secret.length && timingSafeEqual(Buffer.from(given), Buffer.from(secret));

/** The body, or undefined when it grows past the limit. */
async function readBody(req: IncomingMessage): Promise<string | undefined> {
  if (Number(req.headers["content-length"] ?? 0) > MAX_UPDATE_BYTES) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_UPDATE_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function createHttpServer({ redis, metrics, logger, webhook }: ServerDeps): Server {
  return createServer(async (req, res) => {
    const { pathname } = new URL(req.url ?? "/", "http://localhost");
    if (req.method === "GET" && pathname === "/healthz") {
      const healthy = await pingWithin(redis, 1000);
      res.writeHead(healthy ? 200 : 503, { "content-type": "text/plain" }).end(healthy ? "ok\n" : "redis unavailable\n");
    } else if (req.method === "GET" && pathname === "/metrics") {
      res.writeHead(200, { "content-type": metrics.registry.contentType }).end(await metrics.registry.metrics());
    } else if (webhook && req.method === "POST" && pathname === webhook.path) {
      if (!sameSecret(req.headers["x-telegram-bot-api-secret-token"], webhook.secret)) return res.writeHead(401).end();
      const body = await readBody(req);
      // Closing the connection stops the upload instead of reading the rest of it.
      if (body === undefined) return res.writeHead(413, { connection: "close" }).end();
      let update: Update;
      try {
        update = JSON.parse(body) as Update;
        if (typeof update?.update_id !== "number") throw new Error("not an update");
      } catch {
        return res.writeHead(400).end();
      }
      // Telegram is told the update arrived only once it is recorded; handling goes on after the answer.
      // Without Redis the answer is 503 and Telegram delivers it again later.
      try {
        await webhook.receive(update);
        res.writeHead(200).end();
      } catch (err) {
        logger.warn({ err, update_id: update.update_id }, "could not record a webhook update; Telegram will send it again");
        res.writeHead(503).end();
      }
    } else {
      res.writeHead(404).end();
    }
  });
}
