import { Composer } from "../composer.js";
import { PANEL } from "../case-panel.js";
import type { BotContext } from "../context.js";
import { isCaseworker, onlyFor } from "../filters.js";
import { REPLY_PROMPT } from "../reply-prompts.js";

const composer = new Composer<BotContext>();
// In a caseworker's private chat, the role read again on every update, as in case-actions.ts.
const feature = composer.chatType("private");
const caseworkers = onlyFor(isCaseworker);
// The reporter gets it under a heading that names the organisation: together within Telegram's 4,096.
const REPLY_MAX = 3500;

// A reply to the reporter is the caseworker's answer to a prompt naming the case. It goes out signed by the
// organisation, never by the caseworker.
feature.callbackQuery(PANEL.reply, caseworkers(async (ctx) => {
  await ctx.answerCallbackQuery();
  await REPLY_PROMPT.send(ctx, ctx.match[1]!, ctx.t("case-reply-ask", { code: ctx.match[1]! }), ctx.t("case-reply-placeholder"));
}));

feature
  .on("message:text")
  .filter((ctx) => REPLY_PROMPT.answered(ctx) !== undefined)
  .use(
    caseworkers(async (ctx) => {
      const code = REPLY_PROMPT.answered(ctx)!;
      const text = ctx.msg.text.trim();
      // Nothing is sent, and the prompt stays the latest: the shortened text can simply be typed again.
      if (text.length > REPLY_MAX) return ctx.reply(ctx.t("case-reply-too-long", { max: REPLY_MAX, length: text.length }));
      REPLY_PROMPT.done(ctx);
      const result = await ctx.cases.reply(code, text, `staff:${ctx.from.id}`, Date.now());
      ctx.logger.info({ code, staff: ctx.from.id, result }, "reply to a reporter");
      await ctx.reply(ctx.t(`case-reply-${result}`, { code }));
    }),
  );

// Typed instead of replied: nothing leaves, and the caseworker is shown how to send it.
feature
  .on("message:text")
  .filter((ctx) => REPLY_PROMPT.typedInstead(ctx))
  .use(caseworkers((ctx) => ctx.reply(ctx.t("case-reply-how", { code: ctx.session.prompt!.code }))));

// Identifying details go to another body only with the reporter's yes, asked in their own chat.
feature.callbackQuery(PANEL.consent, caseworkers(async (ctx) => {
  const code = ctx.match[1]!;
  const result = await ctx.cases.askConsent(code, `staff:${ctx.from.id}`, Date.now());
  ctx.logger.info({ code, staff: ctx.from.id, result }, "consent to share asked");
  const text = typeof result === "string" ? ctx.t(`case-consent-${result}`) : ctx.t("case-consent-already", { state: result.already });
  await ctx.answerCallbackQuery({ text, show_alert: result !== "asked" });
}));

export { composer as caseReplyFeature };
