import type { NextFunction } from "grammy";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { Metrics } from "../metrics.js";
import type { Role, RoleStore } from "../roles.js";
import type { BotContext } from "./context.js";

export function measureUpdates(metrics: Metrics) {
  return async (ctx: BotContext, next: NextFunction) => {
    const stop = metrics.duration.startTimer();
    try {
      await next();
    } finally {
      stop();
      metrics.updates.inc({ type: Object.keys(ctx.update).find((key) => key !== "update_id") ?? "unknown" });
    }
  };
}

export function attachDeps(config: Config, logger: Logger, roles: RoleStore) {
  return (ctx: BotContext, next: NextFunction) => {
    ctx.config = config;
    // Most updates log nothing, and a pino child with redaction is costly, so it is made on first use.
    let child: Logger | undefined;
    Object.defineProperty(ctx, "logger", { get: () => (child ??= logger.child({ update_id: ctx.update.update_id })) });
    let loaded: Promise<Role[]> | undefined;
    ctx.roles = () => (loaded ??= ctx.from ? roles.rolesOf(ctx.from.id) : Promise.resolve([]));
    return next();
  };
}
