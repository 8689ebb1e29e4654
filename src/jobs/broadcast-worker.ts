import { setTimeout as sleep } from "node:timers/promises";
import { Worker, type ConnectionOptions, type Queue } from "bullmq";
import { GrammyError, InlineKeyboard, type Api } from "grammy";
import { LOCALES, type Locale } from "../config.js";
import type { Logger } from "../logger.js";
import { BATCH, BROADCASTS_QUEUE, localesOf, type Broadcast, type Broadcasts } from "../news/broadcasts.js";
import type { SendRate } from "../news/send-rate.js";
import type { Recipient, Subscribers } from "../news/subscribers.js";
import { answerWithin, KEYS, type Redis } from "../redis.js";
import type { RoleStore } from "../roles.js";
import { broadcastData, deliveryMessage, reportText, statusView } from "../bot/broadcast-view.js";
import { HTML } from "../bot/screens.js";
import type { Translate } from "./notice-worker.js";

export interface BroadcastWorkerDeps {
  connection: ConnectionOptions;
  prefix?: string;
  /** Where the start job queues the batches. */
  queue: Queue;
  redis: Redis;
  /** Without auto-retry: a 429 here holds every worker, and is not waited out call by call. */
  api: Api;
  broadcasts: Broadcasts;
  subscribers: Subscribers;
  roles: RoleStore;
  rate: SendRate;
  /** Sets allow_paid_broadcast on every message. */
  paid: boolean;
  translate: Translate;
  defaultLocale: Locale;
  logger: Logger;
  /** Batches one process works on at once, and sends in flight per batch. */
  concurrency?: number;
  sendsPerBatch?: number;
  /** How long a killed worker's batch waits before another worker takes it over. */
  lockDurationMs?: number;
  /** The first pause before a message that failed on a 5xx or the network is tried again; it doubles. */
  retryDelayMs?: number;
  /** The status message is edited at most this often. */
  statusEveryMs?: number;
}

/** A message that failed this often on a 5xx or the network counts as failed. */
const SEND_ATTEMPTS = 4;
/** Batches are queued this many at a time, the start job noting how far it got. */
const QUEUE_CHUNK = 500;
/** A read or write of a batch not answered within this is tried again (see answerWithin). */
const REDIS_ANSWER_MS = 5000;
/** A start, report or approval job still running after this is failed, to be run again. */
const OTHER_JOB_MS = 120_000;
/** How long a process trusts what it last read of a broadcast's state, so a pause stops sends within it. */
const STATE_FRESH_MS = 250;

type Job = { id: number; generation?: number; batch?: number };
type Outcome = "sent" | "failed" | "blocked" | "stopped" | "already";

const inAudience = (broadcast: Broadcast, recipient: Recipient) =>
  (!broadcast.audience.locale || broadcast.audience.locale === recipient.locale) && (!broadcast.audience.region || broadcast.audience.region === recipient.region);

/**
 * Sends broadcasts: a start job numbers out the batches of subscribers, batch jobs send to them at the
 * shared rate, each delivery is marked in the broadcast's bitmap (so a batch run again after a crash skips
 * whoever was sent it), and the last batch ends it. Only numbers and ids are in the jobs.
 */
export function startBroadcastWorker(deps: BroadcastWorkerDeps): Worker {
  const { connection, prefix, queue, redis, api, broadcasts, subscribers, roles, rate, paid, translate, defaultLocale, logger } = deps;
  const { concurrency = 4, sendsPerBatch = 8, lockDurationMs = 30_000, retryDelayMs = 1000, statusEveryMs = 3000 } = deps;
  const known = (locale: string | undefined) => LOCALES.find((each) => each === locale);
  const staffT = async (userId: number) => {
    const locale = known(await roles.localeOf(userId)) ?? defaultLocale;
    return (key: string, variables?: Record<string, string | number>) => translate(locale, key, variables);
  };

  // What this process last read of each broadcast's state and generation. Only «still sending» is trusted
  // for a while; anything else is read again before a batch stops on it, since a batch that stops in its
  // own generation is queued again by nothing (a read from before a quick resume must not stop the new one).
  const states = new Map<number, { at: number; value: Promise<string> }>();
  async function stillSending(id: number, generation: number): Promise<boolean> {
    const read = () => {
      const known = { at: Date.now(), value: broadcasts.get(id).then((broadcast) => `${broadcast?.state}:${broadcast?.generation}`) };
      states.set(id, known);
      return known;
    };
    let known = states.get(id);
    if (!known || Date.now() - known.at > STATE_FRESH_MS) known = read();
    if ((await known.value) === `sending:${generation}`) return true;
    // A read of its own, started now: another lane's may have left before the resume, too.
    return (await read().value) === `sending:${generation}`;
  }

  const lastTried = new Map<number, number>();
  /** Edits the author's status message; not more often than statusEveryMs over all processes, unless it is the last edit. */
  async function showStatus(id: number, final = false) {
    if (!final) {
      if (Date.now() - (lastTried.get(id) ?? 0) < Math.min(1000, statusEveryMs)) return;
      lastTried.set(id, Date.now());
      if ((await answerWithin(redis.set(`${KEYS.broadcast}${id}:status-edited`, "1", "PX", statusEveryMs, "NX"), REDIS_ANSWER_MS)) !== "OK") return;
    }
    const broadcast = await answerWithin(broadcasts.get(id), REDIS_ANSWER_MS);
    if (!broadcast?.status) return;
    const view = statusView(await staffT(broadcast.author), broadcast);
    await api.editMessageText(broadcast.status.chatId, broadcast.status.messageId, view.text, { ...HTML, reply_markup: view.keyboard }).catch((err: unknown) => {
      // "message is not modified" when nothing changed since the last edit, or the author deleted it.
      logger.debug({ err, broadcast: id }, "could not edit a broadcast's status message");
    });
  }

  async function send(broadcast: Broadcast, recipient: Recipient) {
    const message = deliveryMessage(await translator(recipient.locale), broadcast, recipient.locale)!;
    const other = { ...HTML, reply_markup: message.keyboard, ...(paid ? { allow_paid_broadcast: true } : {}) };
    if (broadcast.photo) await api.sendPhoto(recipient.chatId, broadcast.photo, { ...other, caption: message.text });
    else await api.sendMessage(recipient.chatId, message.text, other);
  }
  const translator = async (locale: Locale) => (key: string, variables?: Record<string, string | number>) => translate(locale, key, variables);

  // A batch rides out a Redis outage where it stands: a read or a mark is tried again every second until
  // Redis answers, rather than failing the batch midway (its lanes would go on, detached, beside a retry).
  async function whenRedisAnswers<T>(what: () => Promise<T>): Promise<T> {
    for (let warned = false; ; warned = true) {
      try {
        return await answerWithin(what(), REDIS_ANSWER_MS);
      } catch (err) {
        if (!warned) logger.warn({ err }, "Redis did not answer a broadcast's read or write; trying again every second");
        await sleep(1000);
      }
    }
  }

  async function deliver(broadcast: Broadcast, generation: number, recipient: Recipient): Promise<Outcome> {
    for (let attempt = 1; ; attempt++) {
      if (!(await whenRedisAnswers(() => stillSending(broadcast.id, generation)))) return "stopped";
      await rate.take();
      // The wait for a token may be long (many sends queue for it): a pause meanwhile still stops this one.
      if (!(await whenRedisAnswers(() => stillSending(broadcast.id, generation)))) return "stopped";
      // Another worker may have this batch too (it took it over from one that lost its hold on it, say while
      // Redis was away, and that one went on): whoever was marked meanwhile is not sent it again.
      if (await whenRedisAnswers(() => broadcasts.isHandled(broadcast.id, recipient.number))) return "already";
      try {
        await send(broadcast, recipient);
        return "sent";
      } catch (err) {
        if (err instanceof GrammyError && err.error_code === 429) {
          // Everyone waits, and this message goes again after the wait; it is not an attempt that failed.
          await whenRedisAnswers(() => rate.hold((err.parameters.retry_after ?? 1) * 1000));
          attempt--;
          continue;
        }
        if (err instanceof GrammyError && err.error_code === 403) {
          await whenRedisAnswers(() => subscribers.drop(recipient.number));
          return "blocked";
        }
        if (err instanceof GrammyError && err.error_code < 500) {
          logger.warn({ broadcast: broadcast.id, subscriber: recipient.number, description: err.description }, "Telegram refused a broadcast message");
          return "failed";
        }
        if (attempt >= SEND_ATTEMPTS) {
          logger.warn({ err, broadcast: broadcast.id, subscriber: recipient.number }, "gave up on a broadcast message");
          return "failed";
        }
        await sleep(retryDelayMs * 2 ** (attempt - 1));
      }
    }
  }

  async function runBatch({ id, generation = 0, batch = 0 }: Job) {
    const broadcast = await whenRedisAnswers(() => broadcasts.get(id));
    if (!broadcast || broadcast.state !== "sending" || broadcast.generation !== generation) return;
    const from = Math.max(1, batch * BATCH);
    const to = Math.min(broadcast.last, batch * BATCH + BATCH - 1);
    const handled = await whenRedisAnswers(() => broadcasts.handled(id, from, to));
    const locales = localesOf(broadcast);
    const recipients = (await whenRedisAnswers(() => subscribers.numbered(from, to))).filter(
      (recipient) => !handled.has(recipient.number) && inAudience(broadcast, recipient) && locales.includes(recipient.locale),
    );
    let stopped = false;
    let next = 0;
    const lane = async () => {
      while (!stopped && next < recipients.length) {
        const recipient = recipients[next++]!;
        const outcome = await deliver(broadcast, generation, recipient);
        if (outcome === "stopped") stopped = true;
        else if (outcome !== "already") await whenRedisAnswers(() => broadcasts.mark(id, recipient.number, outcome));
        // Not waited for: the status is for the author, and must never hold up the sending.
        void showStatus(id).catch((err: unknown) => logger.debug({ err, broadcast: id }, "could not show a broadcast's status"));
      }
    };
    await Promise.all(Array.from({ length: sendsPerBatch }, lane));
    // A paused or cancelled batch is left unfinished: a resume queues it again, and it skips whoever was sent it.
    if (!stopped) await whenRedisAnswers(() => broadcasts.finishBatch(id, batch));
  }

  async function start({ id, generation = 0 }: Job) {
    const before = await broadcasts.get(id);
    if (!before) return;
    if (before.state === "scheduled") {
      const total = await subscribers.count(before.audience, localesOf(before));
      if ((await broadcasts.start(id, generation, await subscribers.lastNumber(), total)) !== "ok") return;
    } else if (before.state !== "sending" || before.generation !== generation) {
      return;
    }
    const broadcast = (await broadcasts.get(id))!;
    if (broadcast.status) {
      await showStatus(id, true);
    } else {
      // The status message is for the author; a broadcast goes out without it if it cannot be sent.
      try {
        const view = statusView(await staffT(broadcast.author), broadcast);
        const message = await api.sendMessage(broadcast.author, view.text, { ...HTML, reply_markup: view.keyboard });
        await broadcasts.setStatusMessage(id, message.chat.id, message.message_id);
      } catch (err) {
        logger.warn({ err, broadcast: id }, "could not send a broadcast's status message to its author");
      }
    }
    const finished = await broadcasts.finishedBatches(id);
    const isFinished = (batch: number) => ((finished[batch >> 3] ?? 0) & (0x80 >> (batch & 7))) !== 0;
    for (let first = await broadcasts.queued(id); first < broadcast.batches; first += QUEUE_CHUNK) {
      const last = Math.min(first + QUEUE_CHUNK, broadcast.batches);
      const jobs = [];
      for (let batch = first; batch < last; batch++) {
        if (isFinished(batch)) continue;
        jobs.push({ name: "batch", data: { id, generation, batch }, opts: { ...BROADCAST_JOB_OPTIONS, jobId: `b${id}-g${generation}-k${batch}` } });
      }
      await queue.addBulk(jobs);
      // A resume meanwhile started a newer generation, which queues the batches itself.
      if (!(await broadcasts.setQueued(id, generation, last))) return;
    }
    // Every batch may have finished already (the last one while it was paused): then it ends here.
    await broadcasts.finishBatch(id, -1);
  }

  async function report({ id }: Job) {
    const broadcast = await broadcasts.get(id);
    if (!broadcast || (broadcast.state !== "done" && broadcast.state !== "cancelled")) return;
    await showStatus(id, true);
    await api.sendMessage(broadcast.author, reportText(await staffT(broadcast.author), broadcast), HTML).catch((err: unknown) => {
      // An author who blocked the bot or left gets no report; the counts stay in /broadcasts.
      logger.warn({ err, broadcast: id }, "could not send a broadcast's report to its author");
    });
  }

  // Every editor and admin but the author is asked; the first to answer decides.
  async function askApproval({ id }: Job) {
    const broadcast = await broadcasts.get(id);
    if (!broadcast || broadcast.state !== "awaiting") return;
    const approvers = (await roles.editors()).filter((editor) => editor !== broadcast.author);
    for (const approver of approvers) {
      const t = await staffT(approver);
      const keyboard = new InlineKeyboard().text(t("broadcast-open"), broadcastData("view", id));
      await api.sendMessage(approver, t("broadcast-approval-asked", { id }), { ...HTML, reply_markup: keyboard }).catch((err: unknown) => {
        // One who never opened the bot cannot be written to; the others still are.
        logger.warn({ err, broadcast: id, staff: approver }, "could not ask a staff member to approve a broadcast");
      });
    }
  }

  const worker = new Worker<Job>(
    BROADCASTS_QUEUE,
    async (job) => {
      if (job.name === "batch") return runBatch(job.data);
      // The others are short and safe to run again: one left hanging by a command ioredis never answers
      // (see answerWithin) fails, and BullMQ runs it again.
      const run = job.name === "start" ? start : job.name === "report" ? report : job.name === "approval" ? askApproval : undefined;
      if (run) return answerWithin(run(job.data), OTHER_JOB_MS);
    },
    // A batch taken over from a killed worker is run again however often that happens: it skips whoever was sent it.
    { connection, prefix, concurrency, lockDuration: lockDurationMs, stalledInterval: lockDurationMs, maxStalledCount: 1000 },
  );
  worker.on("failed", (job, err) => logger.error({ err, broadcast: job?.data.id, job: job?.name, attempt: job?.attemptsMade }, "a broadcast job failed"));
  worker.on("error", (err) => logger.warn({ err }, "the broadcast worker reported an error (a lost Redis connection or a lost hold on a job); it goes on"));
  return worker;
}

/** Retried with backoff when Redis or Telegram fails for longer than a message's own retries. */
export const BROADCAST_JOB_OPTIONS = { attempts: 20, backoff: { type: "exponential", delay: 1000 }, removeOnComplete: true, removeOnFail: 1000 } as const;
