import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import type { Redis } from "ioredis";
import type { BotContext } from "../src/bot/context.js";
import type { Cipher } from "../src/crypto.js";
import type { Logger } from "../src/logger.js";
import { durableUpdates } from "../src/updates/dispatcher.js";

/**
 * Handles each update as the running bot does: recorded in the journal, handed over by the dispatcher,
 * taken out once handled. Resolves when that update is done.
 */
export function durableHandler(bot: Bot<BotContext>, redis: Redis, cipher: Cipher, logger: Logger) {
  const waiting = new Map<number, () => void>();
  const handle = async (update: Update) => {
    try {
      await bot.handleUpdate(update);
    } finally {
      waiting.get(update.update_id)?.();
    }
  };
  const { dispatcher } = durableUpdates(handle, redis, cipher, logger);
  dispatcher.close();
  let started: Promise<boolean> | undefined;
  return async (update: Update) => {
    await (started ??= dispatcher.catchUp());
    const handled = new Promise<void>((resolve) => waiting.set(update.update_id, resolve));
    await (await dispatcher.receive([update])).handedOver;
    await handled;
    waiting.delete(update.update_id);
  };
}
