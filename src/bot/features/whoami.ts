import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { isStaff, onlyFor } from "../filters.js";

const composer = new Composer<BotContext>();

// For anyone without a role the command does not exist: it falls through to the unhandled reply.
// The role check comes after the command match, so other updates cost no Redis lookup.
composer
  .chatType("private")
  .command("whoami", onlyFor(isStaff)(async (ctx) => {
    const roles = (await ctx.roles()).map((role) => ctx.t(`role-${role}`));
    await ctx.reply(ctx.t("whoami-roles", { roles: roles.join(", "), id: String(ctx.from.id) }));
  }));

export { composer as whoamiFeature };
