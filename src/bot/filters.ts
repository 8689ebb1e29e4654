import { ROLES, type Role } from "../roles.js";
import type { BotContext } from "./context.js";

// Admins may do everything staff of any role may do.
function hasAnyRole(...allowed: Role[]) {
  return async (ctx: BotContext): Promise<boolean> => (await ctx.roles()).some((role) => allowed.includes(role));
}

export const isAdmin = hasAnyRole("admin");
export const isCaseworker = hasAnyRole("admin", "caseworker");
export const isEditor = hasAnyRole("admin", "editor");
export const isStaff = hasAnyRole(...ROLES);
