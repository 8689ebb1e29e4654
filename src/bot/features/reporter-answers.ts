import { Composer } from "../composer.js";
import { NARRATIVE_MAX } from "../../complaints/model.js";
import type { BotContext } from "../context.js";
import { REPORTER_DATA } from "../reporter-view.js";
import { ANSWER_PROMPT } from "../reply-prompts.js";
import { sensitive } from "../protect.js";

const composer = new Composer<BotContext>();
const feature = composer.chatType("private");

// Every press and answer is checked against the person's own cases: a forged button or a reply to someone
// else's prompt names a case that is not theirs, and nothing happens.
feature.callbackQuery(REPORTER_DATA.answerPattern, async (ctx) => {
  await ctx.answerCallbackQuery();
  const code = ctx.match[1]!;
  if (!(await ctx.cases.isOwn(ctx.from.id, code))) return;
  await ANSWER_PROMPT.send(ctx, code, ctx.t("reporter-answer-ask", { code }), ctx.t("reporter-answer-placeholder"));
});

feature
  .on("message:text")
  .filter((ctx) => ANSWER_PROMPT.answered(ctx) !== undefined)
  .use(async (ctx, next) => {
    const code = ANSWER_PROMPT.answered(ctx)!;
    if (!(await ctx.cases.isOwn(ctx.from.id, code))) return next();
    const text = ctx.msg.text.trim();
    if (text.length > NARRATIVE_MAX) return ctx.reply(ctx.t("check-hint-addition-too-long", { max: NARRATIVE_MAX, length: text.length }));
    ANSWER_PROMPT.done(ctx);
    const saved = await ctx.cases.addInformation(code, { text, attachments: [] }, Date.now(), "answer");
    await ctx.reply(ctx.t(saved ? "reporter-answer-saved" : "reporter-answer-closed", { code }), sensitive({ parse_mode: "HTML" as const }));
  });

feature.callbackQuery(REPORTER_DATA.consentPattern, async (ctx) => {
  const [, code, answer] = ctx.match as RegExpMatchArray & [string, string, string];
  if (!(await ctx.cases.isOwn(ctx.from.id, code))) return ctx.answerCallbackQuery({ text: ctx.t("unhandled-button") });
  const saved = await ctx.cases.answerConsent(code, answer === "y", Date.now());
  await ctx.answerCallbackQuery();
  const key = !saved ? "reporter-consent-closed" : answer === "y" ? "reporter-consent-given" : "reporter-consent-refused";
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  await ctx.reply(ctx.t(key, { code }), { parse_mode: "HTML" });
});

export { composer as reporterAnswersFeature };
