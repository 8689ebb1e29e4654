import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { mainMenu } from "../keyboards.js";

const composer = new Composer<BotContext>();

composer.chatType("private").on("message", (ctx) => ctx.reply(ctx.t("unhandled-message"), { reply_markup: mainMenu(ctx.t) }));

composer.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: ctx.t("unhandled-button") }));

export { composer as unhandledFeature };
