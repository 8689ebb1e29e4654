import { GrammyError, type Api } from "grammy";
import type { Logger } from "../logger.js";
import type { Dispatcher } from "./dispatcher.js";

// The listener goes when the pause ends: the loop pauses every second while Redis is away, and each
// listener left on the signal would stay until the process stops.
const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const end = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", end);
      resolve();
    };
    const timer = setTimeout(end, ms);
    signal.addEventListener("abort", end);
  });

/**
 * Long polling that loses nothing: each batch is recorded in the journal before the next getUpdates call
 * confirms it to Telegram (its offset). While Redis cannot record, nothing is confirmed, so Telegram keeps
 * the updates and sends them again.
 */
export function startPolling({ api, dispatcher, logger }: { api: Api; dispatcher: Dispatcher; logger: Logger }) {
  const controller = new AbortController();
  const { signal } = controller;
  let offset = 0;
  let pause = 100;

  async function once() {
    if (dispatcher.isBehind() && !(await dispatcher.catchUp())) return sleep(1000, signal);
    // grammY types its signal with an older AbortSignal polyfill; the runtime object is the same.
    const updates = await api.getUpdates({ offset, limit: 100, timeout: 30 }, signal as Parameters<Api["getUpdates"]>[1]);
    if (updates.length === 0) return;
    let received;
    try {
      received = await dispatcher.receive(updates);
    } catch (err) {
      logger.warn({ err }, "could not record updates; Telegram keeps them until Redis is back");
      return sleep(1000, signal);
    }
    offset = updates.at(-1)!.update_id + 1;
    await received.handedOver;
  }

  const task = (async () => {
    while (!signal.aborted) {
      try {
        await once();
        pause = 100;
      } catch (err) {
        if (signal.aborted) break;
        // A wrong token, or another process polling with it: no retry can fix that.
        if (err instanceof GrammyError && (err.error_code === 401 || err.error_code === 409)) throw err;
        logger.warn({ err }, "could not fetch updates; trying again");
        await sleep(pause, signal);
        pause = Math.min(pause * 2, 30_000);
      }
    }
  })();

  return {
    task,
    async stop() {
      controller.abort();
      await task.catch(() => undefined);
    },
  };
}
