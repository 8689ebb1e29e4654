import { Queue } from "bullmq";
import type { Api } from "grammy";
import type { I18n } from "@grammyjs/i18n";
import type { Redis } from "ioredis";
import { ALERTS_QUEUE, NOTICES_QUEUE } from "../complaints/alerts.js";
import type { CaseStore } from "../complaints/store.js";
import type { Config, Locale } from "../config.js";
import type { Cipher } from "../crypto.js";
import type { Logger } from "../logger.js";
import type { Profile } from "../profile.js";
import type { RoleStore } from "../roles.js";
import type { BotContext } from "../bot/context.js";
import { ALERT_JOB_OPTIONS, startAlertWorker } from "./alert-worker.js";
import { startDaily } from "./daily.js";
import { startNoticeWorker } from "./notice-worker.js";
import { createOutboxRelay } from "./outbox.js";
import { trimAudit } from "../audit/trim.js";
import { BROADCASTS_QUEUE, createBroadcasts } from "../news/broadcasts.js";
import { createSendRate } from "../news/send-rate.js";
import { createSubscribers } from "../news/subscribers.js";
import { BROADCAST_JOB_OPTIONS, startBroadcastWorker, type BroadcastWorkerDeps } from "./broadcast-worker.js";

export interface BackgroundDeps {
  /** A connection of its own, made with maxRetriesPerRequest: null as BullMQ requires. */
  connection: Redis;
  /** The bot's connection, for the daily run's reads and writes of cases. */
  redis: Redis;
  api: Api;
  /** The Bot API without auto-retry, for broadcasts: their worker handles 429s itself, for every worker at once. */
  broadcastApi: Api;
  cases: CaseStore;
  cipher: Cipher;
  roles: RoleStore;
  i18n: I18n<BotContext>;
  profile: Profile;
  config: Pick<Config, "defaultLocale" | "staffChatId" | "deadlines" | "digestHour" | "auditKeepDays" | "broadcast">;
  logger: Logger;
  /** How often the outbox is moved into the queues; 0 for never (then call relay()). */
  relayEveryMs?: number;
  /** The first pause before an alert or notice is retried; it doubles each time. */
  retryDelayMs?: number;
  /** BullMQ's key prefix. */
  prefix?: string;
  /** Settings of the broadcast worker that tests shorten (lock, retries, status edits). */
  broadcastTiming?: Pick<BroadcastWorkerDeps, "lockDurationMs" | "retryDelayMs" | "statusEveryMs">;
}

/** The queued work of one process: the outbox relay, the alert, notice and broadcast workers, the daily run. */
export function startBackground(deps: BackgroundDeps) {
  const { connection, redis, api, broadcastApi, cases, cipher, roles, i18n, profile, config, logger, relayEveryMs = 1000, retryDelayMs = 5000, prefix } = deps;
  const queues = [ALERTS_QUEUE, NOTICES_QUEUE, BROADCASTS_QUEUE].map((name) => {
    const queue = new Queue(name, { connection, prefix });
    // Without a listener BullMQ prints the queue's connection errors to stderr, outside the structured log.
    queue.on("error", (err) => logger.warn({ err, queue: name }, "a queue lost its Redis connection; it reconnects"));
    return queue;
  });
  // A notice holds a reply's ciphertext: it is not kept once delivered, nor once given up (the reply stays
  // in the case's history, where deletion finds it).
  const options = { ...ALERT_JOB_OPTIONS, backoff: { type: "exponential", delay: retryDelayMs } };
  const notices = { ...options, removeOnComplete: true, removeOnFail: true };
  const optionsOf = (name: string) => (name === NOTICES_QUEUE ? notices : name === BROADCASTS_QUEUE ? BROADCAST_JOB_OPTIONS : options);
  const targets = new Map(queues.map((queue) => [queue.name, { queue, options: optionsOf(queue.name) }]));
  const relay = createOutboxRelay(connection, targets, logger, relayEveryMs);
  const staffT = (key: string, vars?: Record<string, string | number>) => i18n.t(config.defaultLocale, key, vars);
  const translate = (locale: Locale, key: string, vars?: Record<string, string | number>) => i18n.t(locale, key, vars);
  const alertWorker = startAlertWorker({ connection, prefix, api, cases, t: staffT as Parameters<typeof startAlertWorker>[0]["t"], staffChatId: config.staffChatId, logger });
  const noticeWorker = startNoticeWorker({
    connection, prefix, redis, api, cases, cipher, roles, translate, profile, defaultLocale: config.defaultLocale, staffChatId: config.staffChatId, logger,
  });
  const broadcastWorker = startBroadcastWorker({
    connection, prefix, queue: queues[2]!, redis, api: broadcastApi, broadcasts: createBroadcasts(redis), subscribers: createSubscribers(redis, cipher), roles,
    rate: createSendRate(redis, config.broadcast.rate, logger), paid: config.broadcast.paid, lockDurationMs: config.broadcast.takeoverMs, translate, defaultLocale: config.defaultLocale, logger, ...deps.broadcastTiming,
  });
  const daily = startDaily({
    connection, prefix, redis, api, cases, cipher, t: staffT, deadlines: config.deadlines, staffChatId: config.staffChatId,
    admins: async () => (await roles.staff()).filter((member) => member.roles.includes("admin")).map((member) => member.id),
    hour: config.digestHour, logger,
    // The audit trail keeps everything not yet exported; what was exported goes once it is old enough.
    upkeep: (now) => trimAudit(redis, now, config.auditKeepDays),
  });
  return {
    alerts: queues[0]!,
    notices: queues[1]!,
    broadcasts: queues[2]!,
    daily,
    relay: relay.relay,
    async close() {
      relay.stop();
      await Promise.all([alertWorker.close(), noticeWorker.close(), broadcastWorker.close(), daily.close()]);
      await Promise.all(queues.map((queue) => queue.close()));
    },
  };
}

export type Background = ReturnType<typeof startBackground>;
