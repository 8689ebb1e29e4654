import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { isStaff, onlyFor } from "../filters.js";

const composer = new Composer<BotContext>();

// For anyone without a role the command does not exist: it falls through to the unhandled reply.
// The role check comes after the command match, so other updates cost no Redis lookup.
composer
  .chatType("private")
  .command("whoami", onlyFor(isStaff)(async (ctx) => {
    const held = await ctx.roles();
    const roles = held.map((role) => ctx.t(`role-${role}`));
    const news = held.includes("editor") || held.includes("admin") ? `\n${ctx.t("whoami-editor")}` : "";
    await ctx.reply(ctx.t("whoami-roles", { roles: roles.join(", "), id: String(ctx.from.id) }) + news);
  }));

export { composer as whoamiFeature };
