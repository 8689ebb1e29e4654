import { Queue, Worker, type ConnectionOptions } from "bullmq";
import { InlineKeyboard, type Api } from "grammy";
import { cutoffsOf, type Deadlines } from "../complaints/deadlines.js";
import { dueForWarning, markWarned, purgeDue } from "../complaints/retention.js";
import type { CaseStore } from "../complaints/store.js";
import type { Cipher } from "../crypto.js";
import type { Logger } from "../logger.js";
import type { Redis } from "ioredis";
import { PANEL } from "../bot/case-panel.js";
import { localDate } from "../bot/report-view.js";

export const DAILY_QUEUE = "daily";
/** Cases per retention warning: one button each, well within Telegram's 100 buttons and 4,096 characters. */
const WARN_BATCH = 50;

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

  // Each part of the day's work goes on whatever happens to the others: a staff chat the bot was removed
  // from must not stop personal data from being deleted on time.
  async function part<T>(name: string, work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (err) {
      logger.error({ err, part: name }, "a part of the daily run failed");
      return undefined;
    }
  }

  // One message per 50 cases, within Telegram's limits on buttons and length.
  async function warn(now: number) {
    const due = await dueForWarning(redis, now);
    const recipients = due.length > 0 ? await admins() : [];
    let reached = 0;
    for (let start = 0; start < due.length; start += WARN_BATCH) {
      const batch = due.slice(start, start + WARN_BATCH);
      const keyboard = new InlineKeyboard();
      for (const { code } of batch) keyboard.text(`${t("case-extend")} ${code}`, PANEL.extendData(code)).row();
      const lines = batch.map(({ code, retainUntil }) => `<code>${code}</code> — ${localDate(retainUntil)}`).join("\n");
      let delivered = false;
      for (const admin of recipients) {
        await api.sendMessage(admin, `${t("retention-warning", { count: due.length })}\n${lines}`, { parse_mode: "HTML", reply_markup: keyboard }).then(
          () => (delivered = true),
          (err: unknown) => logger.warn({ err, admin }, "could not warn an admin of deletions to come"),
        );
      }
      if (delivered) {
        await markWarned(redis, batch.map(({ code }) => code), now);
        reached += batch.length;
      }
    }
    return reached;
  }

  async function run(now: number) {
    const counts = await part("digest", async () => {
      const figures = await cases.digest(cutoffsOf(deadlines, now));
      if (staffChatId !== undefined) await api.sendMessage(staffChatId, t("digest", { date: localDate(now), ...figures }), { parse_mode: "HTML" });
      return figures;
    });
    const warned = (await part("retention warnings", () => warn(now))) ?? 0;
    const purged = (await part("retention", () => purgeDue(redis, cipher, now))) ?? [];
    if (purged.length > 0) logger.info({ purged: purged.length }, "deleted the personal data of closed cases past retention");
    await part("upkeep", async () => upkeep?.(now));
    return { ...counts, warned, purged: purged.length };
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
