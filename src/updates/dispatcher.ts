import { BotError } from "grammy";
import type { Update } from "grammy/types";
import { createConcurrentSink } from "@grammyjs/runner";
import type { Logger } from "../logger.js";
import type { Cipher } from "../crypto.js";
import { pingWithin, RedisUnavailable, type Redis } from "../redis.js";
import { createUpdateJournal, type UpdateJournal } from "./journal.js";

export interface DispatcherDeps {
  /** The bot: bot.handleUpdate. */
  handle: (update: Update) => Promise<void>;
  journal: UpdateJournal;
  redisUp: () => Promise<boolean>;
  logger: Logger;
  /**
   * With several processes taking updates: how often updates recorded longer ago than this and still not
   * handled are handed over, those a process that stopped (killed, scaled down) left. Undefined with one
   * process, which hands over what is left only when it starts.
   */
  sweepEveryMs?: number;
}

// An update handed to the bot while its recording is still on its way (see receive) carries whether the
// journal took it as new, under this key; JSON leaves it out, so the journal never stores it.
const RECORDED = Symbol("recorded as new");
type Handed = Update & { [RECORDED]?: Promise<boolean> };

/**
 * Whether the journal took this update as new: false for a copy it had already (Telegram sent it again) and
 * for one it could not record (Telegram keeps it). An update handed over from the journal itself has been.
 */
export const recordedAsNew = (update: Update): boolean | Promise<boolean> => (update as Handed)[RECORDED] ?? true;

/**
 * Hands recorded updates to the bot, many people at once (the bot's sequentialize keeps each person's
 * updates in order), and takes each out of the journal once handled. An update that fails because Redis
 * is gone stays in the journal; after that, nothing new is handed over until every recorded update has
 * been handed over again, oldest first, so each person's updates still arrive in order.
 */
export function createDispatcher({ handle, journal, redisUp, logger, sweepEveryMs }: DispatcherDeps) {
  // Handed over and not finished, with whether the copy in flight is the one the journal took as new (see
  // recordedAsNew): a recovery must not hand these over a second time, unless that copy was not.
  const inFlight = new Map<number, { copies: number; acting: boolean | Promise<boolean> }>();
  // A new process first handles whatever the previous one recorded and did not finish.
  let behind = true;
  let recovery: Promise<boolean> | undefined;

  async function consume(update: Update) {
    const id = update.update_id;
    let redisGone = false;
    try {
      await handle(update);
    } catch (err) {
      const cause = err instanceof BotError ? err.error : err;
      redisGone = cause instanceof RedisUnavailable;
      if (redisGone) {
        behind = true;
        logger.warn({ update_id: id }, "Redis is unavailable: the update stays recorded and is handled when Redis is back");
      } else {
        // The error boundary has told the person; handling it again would fail the same way.
        logger.error({ err, update_id: id }, "an update failed outside the error boundary");
      }
    } finally {
      const running = inFlight.get(id);
      if (running && --running.copies === 0) inFlight.delete(id);
    }
    // Left in the journal, to be handed over again from it once Redis is back.
    if (redisGone) return;
    // A copy the journal did not take as new: whoever has the recorded one takes it out.
    if (!(await recordedAsNew(update))) return;
    await journal.done(id).catch((err: unknown) => {
      // Left in the journal, it is handed over again later, and the person's session skips it (see session.ts).
      behind = true;
      logger.warn({ err, update_id: id }, "could not take a handled update out of the journal");
    });
  }

  // While behind, try again every second: Redis may be back.
  const timer = setInterval(() => {
    if (behind) void api.catchUp();
  }, 1000);
  timer.unref();

  // With several processes, one that stopped leaves its recorded updates; any other takes them over. A copy
  // still being handled elsewhere waits for that person's turn and is then dropped (person-turn.ts).
  const sweeper = sweepEveryMs
    ? setInterval(() => {
        if (behind) return;
        journal.stale(sweepEveryMs).then(handOver, (err: unknown) => logger.warn({ err }, "could not read the journal for updates left behind"));
      }, sweepEveryMs)
    : undefined;
  sweeper?.unref();

  const sink = createConcurrentSink<Update, unknown>({ consume }, async (err) => {
    logger.error({ err }, "the update sink failed");
  });

  // In order: a copy already in flight keeps this one out, unless it turns out (as soon as its recording
  // answers) not to be the copy the journal took as new; then this one goes, in its place in the order.
  async function handOver(updates: Update[]) {
    const fresh: Update[] = [];
    for (const update of updates) {
      const id = update.update_id;
      const running = inFlight.get(id);
      if (running && (await running.acting)) continue;
      // Read again: the other copy may have ended meanwhile.
      inFlight.set(id, { copies: (inFlight.get(id)?.copies ?? 0) + 1, acting: recordedAsNew(update) });
      fresh.push(update);
    }
    return sink.handle(fresh);
  }

  // Updates being recorded while behind, and how many such recordings have ended (see catchUp).
  let recordingBehind = 0;
  let recordedBehind = 0;

  async function catchUp(): Promise<boolean> {
    if (!(await redisUp())) return false;
    try {
      // New updates keep going through the journal until a reading of it came after every recording made
      // while behind: one handed over directly could overtake its sender's older one still in the journal.
      // The check and the switch are one synchronous step, so no recording can slip in between.
      for (;;) {
        const seen = recordedBehind;
        await handOver(await journal.pending());
        if (recordingBehind === 0 && recordedBehind === seen) break;
        if (recordedBehind === seen) await new Promise((resolve) => setTimeout(resolve, 10));
      }
      behind = false;
      return true;
    } catch (err) {
      behind = true;
      logger.warn({ err }, "could not read the recorded updates; will try again");
      return false;
    }
  }

  const api = {
    /** Whether recorded updates are waiting to be handed over again (after a start or an outage). */
    isBehind: () => behind,
    /** Hands over everything recorded and not in flight, oldest first; false while Redis is unavailable. */
    catchUp: () => (recovery ??= catchUp().finally(() => (recovery = undefined))),
    /**
     * Records updates in the journal and starts handing the new ones over; rejects when they could not be
     * recorded (then Telegram must keep them). `handedOver` resolves once the sink has room for more.
     */
    async receive(updates: Update[]): Promise<{ handedOver: Promise<void> }> {
      const recording = journal.record(updates);
      if (behind) {
        // They come out of the journal, in order with the older ones, in the recovery's last reading of it.
        recordingBehind++;
        try {
          await recording;
        } finally {
          recordingBehind--;
          recordedBehind++;
        }
        return { handedOver: api.catchUp().then(() => undefined) };
      }
      // Handed over at once, so the recording's round trip overlaps the start of handling: the bot acts on
      // each one only when the journal has taken it as new (skipHandled in session.ts), and the caller tells
      // Telegram they arrived only once this resolves, after the recording.
      const recorded = recording.then((fresh) => new Set(fresh.map((update) => update.update_id)), () => new Set<number>());
      for (const update of updates as Handed[]) update[RECORDED] = recorded.then((fresh) => fresh.has(update.update_id));
      const handedOver = handOver(updates).then(() => undefined);
      try {
        await recording;
      } catch (err) {
        // Redis may have kept them anyway: they are then handed over in order with the rest.
        behind = true;
        throw err;
      }
      return { handedOver };
    },
    /** Resolves when nothing is being handled. */
    async idle() {
      while (inFlight.size > 0 || sink.size() > 0 || recovery) await new Promise((resolve) => setTimeout(resolve, 10));
    },
    size: () => sink.size(),
    /** Stops trying to catch up; updates in flight go on. */
    close() {
      clearInterval(timer);
      clearInterval(sweeper);
    },
  };
  return api;
}

export type Dispatcher = ReturnType<typeof createDispatcher>;

/** The journal on `redis`, sealed with `cipher`, and its dispatcher, as the running bot has them. */
/** Several processes take updates (webhook mode): updates are queued per person, and what a stopped one left is swept up. */
export const ACROSS_PROCESSES = { sweepEveryMs: 30_000 };

export function durableUpdates(handle: (update: Update) => Promise<void>, redis: Redis, cipher: Cipher, logger: Logger, across?: { sweepEveryMs: number }) {
  const journal = createUpdateJournal(redis, cipher, across !== undefined);
  return { journal, dispatcher: createDispatcher({ handle, journal, redisUp: () => pingWithin(redis, 500), logger, sweepEveryMs: across?.sweepEveryMs }) };
}
