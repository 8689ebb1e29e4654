import { InlineKeyboard, type Api } from "grammy";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { DELETABLE_MS } from "../../chat-trail.js";
import { CHECK } from "../conversations/check.js";
import { REPORT } from "../conversations/report.js";
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

/** Whether the chat still shows a new case's code and PIN (messages can be deleted for 48 hours). */
function secretsOnScreen(ctx: BotContext): boolean {
  const shownAt = ctx.session.secretsShownAt;
  return shownAt !== undefined && Date.now() - shownAt <= DELETABLE_MS;
}

// It asks first when clearing would lose something: the PIN, shown once and stored nowhere readable, or an
// unfinished form, whose stored state would otherwise outlive the chat and could be brought back on screen.
async function askOrClear(ctx: BotContext & { chat: { id: number } }) {
  const secrets = secretsOnScreen(ctx);
  const draft = ctx.conversation.active(REPORT) > 0 || ctx.conversation.active(CHECK) > 0;
  if (!secrets && !draft) return clearChat(ctx);
  const keyboard = new InlineKeyboard().text(ctx.t("clear-yes"), CALLBACK.clearConfirmed).text(ctx.t("clear-no"), CALLBACK.clearKept);
  const lines = [secrets && ctx.t("clear-confirm-secrets"), draft && ctx.t("clear-confirm-draft"), ctx.t("clear-confirm")];
  await ctx.reply(lines.filter(Boolean).join("\n"), { reply_markup: keyboard });
}

feature.command("clear", askOrClear);

feature.callbackQuery(CALLBACK.clear, async (ctx) => {
  await ctx.answerCallbackQuery();
  await askOrClear(ctx);
});

feature.callbackQuery(CALLBACK.clearConfirmed, async (ctx) => {
  await ctx.answerCallbackQuery();
  delete ctx.session.secretsShownAt;
  await ctx.conversation.exitAll();
  delete ctx.session.draftStartedAt;
  await clearChat(ctx);
});

feature.callbackQuery(CALLBACK.clearKept, async (ctx) => {
  await ctx.answerCallbackQuery();
  // The advice to write the code and PIN down only for someone who has them on screen.
  await ctx.editMessageText(ctx.t(secretsOnScreen(ctx) ? "clear-kept-secrets" : "clear-kept"));
});

export { composer as clearFeature };
