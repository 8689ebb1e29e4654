import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Redis } from "ioredis";
import type { Logger } from "./logger.js";
import type { Metrics } from "./metrics.js";
import { pingWithin } from "./redis.js";

export interface ServerDeps {
  redis: Redis;
  metrics: Metrics;
  logger: Logger;
  /** Only in webhook mode: the path Telegram posts to and grammY's handler for it. */
  webhook?: { path: string; handle: (req: IncomingMessage, res: ServerResponse) => Promise<unknown> };
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
      // A 500 makes Telegram deliver the update again later.
      await webhook.handle(req, res).catch((err: unknown) => {
        logger.error({ err }, "webhook update failed");
        if (!res.headersSent) res.writeHead(500).end();
      });
    } else {
      res.writeHead(404).end();
    }
  });
}
