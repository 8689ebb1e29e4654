import { Queue } from "bullmq";
import type { Api } from "grammy";
import type { I18n } from "@grammyjs/i18n";
import type { Redis } from "ioredis";
import { ALERTS_QUEUE } from "../complaints/alerts.js";
import type { CaseStore } from "../complaints/store.js";
import type { Locale } from "../config.js";
import type { Logger } from "../logger.js";
import type { BotContext } from "../bot/context.js";
import { ALERT_JOB_OPTIONS, startAlertWorker } from "./alert-worker.js";
import { createOutboxRelay } from "./outbox.js";

export interface BackgroundDeps {
  /** A connection of its own, made with maxRetriesPerRequest: null as BullMQ requires. */
  connection: Redis;
  api: Api;
  cases: CaseStore;
  i18n: I18n<BotContext>;
  staffLocale: Locale;
  staffChatId: number | undefined;
  logger: Logger;
  /** How often the outbox is moved into the queues; 0 for never (then call relay()). */
  relayEveryMs?: number;
  /** The first pause before an alert is retried; it doubles each time. */
  retryDelayMs?: number;
  /** BullMQ's key prefix. */
  prefix?: string;
}

/** The queued work of one process: the outbox relay and the alert worker. */
export function startBackground(deps: BackgroundDeps) {
  const { connection, api, cases, i18n, staffLocale, staffChatId, logger, relayEveryMs = 1000, retryDelayMs = 5000, prefix } = deps;
  const alerts = new Queue(ALERTS_QUEUE, { connection, prefix });
  // Without a listener BullMQ prints the queue's connection errors to stderr, outside the structured log.
  alerts.on("error", (err) => logger.warn({ err }, "the alert queue lost its Redis connection; it reconnects"));
  const options = { ...ALERT_JOB_OPTIONS, backoff: { type: "exponential", delay: retryDelayMs } };
  const relay = createOutboxRelay(connection, new Map([[ALERTS_QUEUE, { queue: alerts, options }]]), logger, relayEveryMs);
  const t = ((key: string, vars?: Record<string, string | number>) => i18n.t(staffLocale, key, vars)) as Parameters<typeof startAlertWorker>[0]["t"];
  const worker = startAlertWorker({ connection, prefix, api, cases, t, staffChatId, logger });
  return {
    alerts,
    relay: relay.relay,
    async close() {
      relay.stop();
      await worker.close();
      await alerts.close();
    },
  };
}

export type Background = ReturnType<typeof startBackground>;
