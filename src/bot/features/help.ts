import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { mainMenu } from "../keyboards.js";

const composer = new Composer<BotContext>();

composer.chatType("private").command("help", (ctx) => ctx.reply(ctx.t("help-text"), { reply_markup: mainMenu(ctx.t) }));

export { composer as helpFeature };
