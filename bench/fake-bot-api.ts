import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface LimitedBotApiOptions {
  /** Messages a second the whole bot may send; beyond it, 429 with retry_after (a second's worth may come at once). */
  limit: number;
  /** The share of chats that blocked the bot (403), chosen by chat id so a chat always answers the same. */
  blockedShare?: number;
  /** The share of calls that fail with a 500. */
  errorShare?: number;
  /** How long each call takes, in ms. */
  latencyMs?: number;
}

/**
 * A Bot API on loopback for broadcasting against: sendMessage and sendPhoto count against a global limit
 * kept as a token bucket, a fixed share of chats is blocked, a share of calls fails with 500; every other
 * method succeeds. It records every message delivered, by chat.
 */
export async function limitedBotApi({ limit, blockedShare = 0, errorShare = 0, latencyMs = 0 }: LimitedBotApiOptions) {
  let tokens = limit;
  let at = performance.now();
  let messageId = 1;
  const delivered = new Map<number, number>();
  const stats = { accepted: 0, limited: 0, blocked: 0, errors: 0, first: 0, last: 0 };
  const blocked = (chat: number) => ((chat * 2654435761) >>> 0) % 10_000 < blockedShare * 10_000;

  const answer = (res: ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    let body = "";
    for await (const chunk of req) body += String(chunk);
    const method = req.url?.split("/").pop() ?? "";
    const payload = body ? (JSON.parse(body) as Record<string, unknown>) : {};
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    if (method !== "sendMessage" && method !== "sendPhoto") {
      return answer(res, 200, { ok: true, result: method.startsWith("edit") ? true : { message_id: messageId++, date: 0, chat: { id: Number(payload.chat_id), type: "private" }, text: "" } });
    }
    const now = performance.now();
    tokens = Math.min(limit, tokens + ((now - at) * limit) / 1000);
    at = now;
    if (tokens < 1) {
      stats.limited++;
      const retryAfter = Math.max(1, Math.ceil((1 - tokens) / limit));
      return answer(res, 429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${retryAfter}`, parameters: { retry_after: retryAfter } });
    }
    tokens -= 1;
    stats.accepted++;
    stats.first ||= now;
    stats.last = now;
    const chat = Number(payload.chat_id);
    if (blocked(chat)) {
      stats.blocked++;
      return answer(res, 403, { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" });
    }
    if (Math.random() < errorShare) {
      stats.errors++;
      return answer(res, 500, { ok: false, error_code: 500, description: "Internal Server Error" });
    }
    delivered.set(chat, (delivered.get(chat) ?? 0) + 1);
    return answer(res, 200, { ok: true, result: { message_id: messageId++, date: 0, chat: { id: chat, type: "private" }, text: String(payload.text ?? "") } });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    root: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    delivered,
    stats,
    isBlocked: blocked,
    /** Calls Telegram took (not refused with 429) per second, from the first to the last. */
    rate: () => (stats.accepted > 1 ? ((stats.accepted - 1) * 1000) / (stats.last - stats.first) : 0),
    reset() {
      delivered.clear();
      Object.assign(stats, { accepted: 0, limited: 0, blocked: 0, errors: 0, first: 0, last: 0 });
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
