import { UnrecoverableError, Worker, type ConnectionOptions, type JobsOptions } from "bullmq";
import { GrammyError, type Api } from "grammy";
import type { TranslateFunction } from "@grammyjs/i18n";
import { ALERTS_QUEUE } from "../complaints/alerts.js";
import type { CaseStore } from "../complaints/store.js";
import type { Logger } from "../logger.js";
import { staffAlert } from "../bot/report-view.js";

/** Retried with growing pauses for about six hours before the job is left failed (and logged). */
export const ALERT_JOB_OPTIONS: JobsOptions = {
  attempts: 12,
  backoff: { type: "exponential", delay: 5000 },
  removeOnComplete: { age: 7 * 24 * 3600 },
  removeOnFail: false,
};

export interface AlertWorkerDeps {
  connection: ConnectionOptions;
  prefix?: string;
  api: Api;
  cases: CaseStore;
  t: TranslateFunction;
  staffChatId: number | undefined;
  logger: Logger;
}

/** Sends the staff alert of each new case to STAFF_CHAT_ID, at least once. */
export function startAlertWorker({ connection, prefix, api, cases, t, staffChatId, logger }: AlertWorkerDeps): Worker {
  const worker = new Worker<{ code: string }>(
    ALERTS_QUEUE,
    async (job) => {
      const { code } = job.data;
      if (staffChatId === undefined) return "no staff chat";
      const stored = await cases.get(code);
      if (!stored) return "no such case";
      const alert = staffAlert(t, stored);
      try {
        await api.sendMessage(staffChatId, alert.text, { parse_mode: "HTML", reply_markup: alert.keyboard });
      } catch (err) {
        // A 400 (a wrong chat id, a malformed message) fails the same way every time: no point retrying.
        if (err instanceof GrammyError && err.error_code === 400) throw new UnrecoverableError(err.description);
        throw err;
      }
      return "sent";
    },
    { connection, prefix, concurrency: 4 },
  );
  worker.on("failed", (job, err) => {
    const final = !job || job.attemptsMade >= (job.opts.attempts ?? 1) || err instanceof UnrecoverableError;
    logger[final ? "error" : "warn"]({ err, code: job?.data.code, attempt: job?.attemptsMade }, final ? "gave up on a staff alert" : "a staff alert failed; it will be retried");
  });
  worker.on("error", (err) => logger.warn({ err }, "the alert worker lost its Redis connection; it reconnects"));
  return worker;
}
