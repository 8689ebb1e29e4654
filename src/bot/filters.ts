import type { NextFunction } from "grammy";
import { displayName, ROLES, type Role } from "../roles.js";
import type { BotContext } from "./context.js";

// Admins may do everything staff of any role may do.
function hasAnyRole(...allowed: Role[]) {
  return async (ctx: BotContext): Promise<boolean> => (await ctx.roles()).some((role) => allowed.includes(role));
}

export const isAdmin = hasAnyRole("admin");
export const isCaseworker = hasAnyRole("admin", "caseworker");
export const isEditor = hasAnyRole("admin", "editor");
export const isStaff = hasAnyRole(...ROLES);

/**
 * Wraps a staff handler so the role is read on every update it would handle, callbacks included, and only
 * once its trigger has matched: the citizens' updates, which match none, cost no role lookup. Anyone
 * without the role falls through, as if the command or button did not exist. A staff member's name is
 * learned here, so /staff and /audit can show it; citizens' names are never stored.
 */
export function onlyFor(allowed: (ctx: BotContext) => Promise<boolean>) {
  return <C extends BotContext>(handler: (ctx: C) => unknown) =>
    async (ctx: C, next: NextFunction) => {
      if (!(await allowed(ctx))) return next();
      if (ctx.from) await ctx.roleStore.rememberName(ctx.from.id, displayName(ctx.from), await ctx.i18n.getLocale());
      return handler(ctx);
    };
}
