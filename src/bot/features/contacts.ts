import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { contactsScreen, officialScreen } from "../contacts-view.js";
import { CALLBACK } from "../keyboards.js";
import { currentLocale, sendScreen, showScreen } from "../screens.js";

const composer = new Composer<BotContext>();
const feature = composer.chatType("private");

const contacts = async (ctx: BotContext) => contactsScreen(ctx.t, ctx.profile, await currentLocale(ctx));
const official = async (ctx: BotContext) => officialScreen(ctx.t, ctx.profile, await currentLocale(ctx));

feature.command("contacts", async (ctx) => sendScreen(ctx, await contacts(ctx)));
feature.command("official", async (ctx) => sendScreen(ctx, await official(ctx)));

feature.callbackQuery(CALLBACK.contacts, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showScreen(ctx, await contacts(ctx));
});

feature.callbackQuery(CALLBACK.official, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showScreen(ctx, await official(ctx));
});

export { composer as contactsFeature };
