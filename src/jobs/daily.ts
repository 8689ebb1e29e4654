import { Queue, Worker, type ConnectionOptions } from "bullmq";
import { InlineKeyboard, type Api } from "grammy";
import { cutoffsOf, type Deadlines } from "../complaints/deadlines.js";
import { dueForWarning, purgeDue } from "../complaints/retention.js";
import type { CaseStore } from "../complaints/store.js";
import type { Cipher } from "../crypto.js";
import type { Logger } from "../logger.js";
import type { Redis } from "ioredis";
import { PANEL } from "../bot/case-panel.js";
import { localDate } from "../bot/report-view.js";

export const DAILY_QUEUE = "daily";

export interface DailyDeps {
  connection: ConnectionOptions;
  prefix?: string;
  redis: Redis;
  api: Api;
  cases: CaseStore;
  cipher: Cipher;
  t: (key: string, variables?: Record<string, string | number>) => string;
  deadlines: Deadlines;
  staffChatId: number | undefined;
  /** Who is warned before personal data is deleted. */
  admins: () => Promise<number[]>;
  /** Bishkek hour of the run. */
  hour: number;
  logger: Logger;
  /** Other daily upkeep, run after the rest (trimming the exported audit trail). */
  upkeep?: (now: number) => Promise<unknown>;
}

/**
 * Once a day, Bishkek time: the digest of counts to the staff chat, the warnings of deletions to come, and
 * the deletion of personal data whose time has come. A BullMQ job scheduler makes it one job a day however
 * many processes run, and it survives restarts.
 */
export function startDaily(deps: DailyDeps) {
  const { connection, prefix, redis, api, cases, cipher, t, deadlines, staffChatId, admins, hour, logger, upkeep } = deps;
  const queue = new Queue(DAILY_QUEUE, { connection, prefix });
  queue.on("error", (err) => logger.warn({ err }, "the daily queue lost its Redis connection; it reconnects"));
  const ready = queue
    .upsertJobScheduler("daily", { pattern: `0 ${hour} * * *`, tz: "Asia/Bishkek" }, { name: "daily", opts: { attempts: 5, backoff: { type: "exponential", delay: 60_000 } } })
    .catch((err: unknown) => logger.error({ err }, "could not schedule the daily run; it is tried again at the next start"));

  async function run(now: number) {
    const counts = await cases.digest(cutoffsOf(deadlines, now));
    if (staffChatId !== undefined) await api.sendMessage(staffChatId, t("digest", { date: localDate(now), ...counts }), { parse_mode: "HTML" });
    const due = await dueForWarning(redis, now);
    if (due.length > 0) {
      const keyboard = new InlineKeyboard();
      for (const { code } of due) keyboard.text(`${t("case-extend")} ${code}`, PANEL.extendData(code)).row();
      const lines = due.map(({ code, retainUntil }) => `<code>${code}</code> — ${localDate(retainUntil)}`).join("\n");
      for (const admin of await admins()) {
        await api.sendMessage(admin, `${t("retention-warning", { count: due.length })}\n${lines}`, { parse_mode: "HTML", reply_markup: keyboard }).catch((err: unknown) => {
          logger.warn({ err, admin }, "could not warn an admin of deletions to come");
        });
      }
    }
    const purged = await purgeDue(redis, cipher, now);
    if (purged.length > 0) logger.info({ purged: purged.length }, "deleted the personal data of closed cases past retention");
    await upkeep?.(now);
    return { ...counts, warned: due.length, purged: purged.length };
  }

  const worker = new Worker(DAILY_QUEUE, () => run(Date.now()), { connection, prefix, concurrency: 1 });
  worker.on("failed", (job, err) => logger.error({ err, attempt: job?.attemptsMade }, "the daily run failed"));
  worker.on("error", (err) => logger.warn({ err }, "the daily worker lost its Redis connection; it reconnects"));
  return {
    queue,
    /** Resolves once the schedule is in Redis. */
    ready,
    /** The day's work now, as the scheduler would run it. */
    run,
    async close() {
      await worker.close();
      await queue.close();
    },
  };
}
