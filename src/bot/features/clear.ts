import type { Api } from "grammy";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { CALLBACK } from "../keyboards.js";

const composer = new Composer<BotContext>();
const feature = composer.chatType("private");

const BATCH = 100; // the most deleteMessages takes at once

/** Deletes what it can and returns how many messages could not be deleted. */
async function deleteAll(api: Api, chatId: number, ids: number[]): Promise<number> {
  let failed = 0;
  for (let start = 0; start < ids.length; start += BATCH) {
    const batch = ids.slice(start, start + BATCH);
    try {
      await api.deleteMessages(chatId, batch);
      continue;
    } catch {
      // One message that can no longer be deleted fails the whole batch, so the batch is retried one by
      // one: a message already gone or past Telegram's 48 hours must not keep the rest on the phone.
    }
    for (const id of batch) await api.deleteMessage(chatId, id).catch(() => failed++);
  }
  return failed;
}

async function clearChat(ctx: BotContext & { chat: { id: number } }) {
  // The ids of this very update (the /clear message itself) are not stored yet.
  const ids = [...(await ctx.trail.take(ctx.chat.id)), ...ctx.pendingTrail.splice(0)];
  const failed = await deleteAll(ctx.api, ctx.chat.id, ids);
  ctx.logger.info({ deleted: ids.length - failed, failed }, "chat cleared");
  // Neutral on purpose: someone who looks at the phone later sees nothing about what was asked.
  await ctx.reply(ctx.t("clear-done"));
}

feature.command("clear", clearChat);

feature.callbackQuery(CALLBACK.clear, async (ctx) => {
  await ctx.answerCallbackQuery();
  await clearChat(ctx);
});

export { composer as clearFeature };
