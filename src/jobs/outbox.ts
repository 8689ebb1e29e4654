import type { JobsOptions, Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { Logger } from "../logger.js";
import { KEYS } from "../redis.js";

/**
 * Work that must happen because of a write (the staff alert of a new case) is written to the outbox by
 * the same Lua script as the write itself, then moved here into its BullMQ queue. The job id is the
 * entry's id, so moving an entry twice (a crash between adding the job and removing the entry, or two
 * processes at once) still makes one job.
 */
export interface OutboxEntry {
  /** Unique, and without ":" (BullMQ refuses it in job ids). */
  id: string;
  queue: string;
  name: string;
  data: Record<string, unknown>;
  /** Not before this time (ms since the epoch): a scheduled broadcast. */
  at?: number;
}

export interface OutboxRelay {
  /** Moves every entry into its queue; resolves when they are all there. */
  relay(): Promise<number>;
  stop(): void;
}

export function createOutboxRelay(redis: Redis, queues: Map<string, { queue: Queue; options: JobsOptions }>, logger: Logger, intervalMs: number): OutboxRelay {
  let running: Promise<number> | undefined;
  async function move(): Promise<number> {
    const entries = await redis.hgetall(KEYS.outbox);
    for (const [field, raw] of Object.entries(entries)) {
      const entry = JSON.parse(raw) as OutboxEntry;
      const target = queues.get(entry.queue);
      if (!target) {
        logger.error({ queue: entry.queue, id: entry.id }, "an outbox entry names a queue this process does not know");
        continue;
      }
      const delay = entry.at === undefined ? {} : { delay: Math.max(0, entry.at - Date.now()) };
      await target.queue.add(entry.name, entry.data, { ...target.options, ...delay, jobId: entry.id });
      await redis.hdel(KEYS.outbox, field);
    }
    return Object.keys(entries).length;
  }
  const relay = () => (running ??= move().finally(() => (running = undefined)));
  const timer =
    intervalMs > 0
      ? setInterval(() => relay().catch((err: unknown) => logger.warn({ err }, "could not move the outbox into the queues; will try again")), intervalMs)
      : undefined;
  timer?.unref();
  return { relay, stop: () => clearInterval(timer) };
}
