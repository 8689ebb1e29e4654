import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { mainMenu } from "../keyboards.js";
import { isGreeting } from "../../rights/greetings.js";

const composer = new Composer<BotContext>();

// A hello gets a hello and the menu; search would only say it found no card.
composer
  .chatType("private")
  .on("message:text")
  .filter((ctx) => isGreeting(ctx.msg.text), (ctx) => ctx.reply(ctx.t("greeting-reply"), { reply_markup: mainMenu(ctx.t) }));

export { composer as greetingFeature };
