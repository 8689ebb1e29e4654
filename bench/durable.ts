import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import type { Redis } from "ioredis";
import type { BotContext } from "../src/bot/context.js";
import type { Cipher } from "../src/crypto.js";
import type { Logger } from "../src/logger.js";
import { pingWithin } from "../src/redis.js";
import { createDispatcher } from "../src/updates/dispatcher.js";
import { createUpdateJournal } from "../src/updates/journal.js";

/**
 * Handles each update as the running bot does: recorded in the journal, handed over by the dispatcher,
 * taken out once handled. Resolves when that update is done.
 */
export function durableHandler(bot: Bot<BotContext>, redis: Redis, cipher: Cipher, logger: Logger) {
  const waiting = new Map<number, () => void>();
  const dispatcher = createDispatcher({
    handle: async (update) => {
      try {
        await bot.handleUpdate(update);
      } finally {
        waiting.get(update.update_id)?.();
      }
    },
    journal: createUpdateJournal(redis, cipher),
    redisUp: () => pingWithin(redis, 500),
    logger,
  });
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
