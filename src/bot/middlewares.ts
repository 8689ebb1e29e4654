import type { NextFunction } from "grammy";
import type { AuditLog } from "../audit/stream.js";
import type { ChatTrail } from "../chat-trail.js";
import type { CaseStore } from "../complaints/store.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { Metrics } from "../metrics.js";
import type { Profile } from "../profile.js";
import type { RightsSearch } from "../rights/search.js";
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

export interface UpdateDeps {
  config: Config;
  logger: Logger;
  roles: RoleStore;
  profile: Profile;
  rightsSearch: RightsSearch;
  trail: ChatTrail;
  cases: CaseStore;
  audit: AuditLog;
  translateFor: BotContext["translateFor"];
}

export function attachDeps({ config, logger, roles, profile, rightsSearch, trail, cases, audit, translateFor }: UpdateDeps) {
  return (ctx: BotContext, next: NextFunction) => {
    ctx.config = config;
    ctx.translateFor = translateFor;
    ctx.profile = profile;
    ctx.rightsSearch = rightsSearch;
    ctx.trail = trail;
    ctx.cases = cases;
    ctx.audit = audit;
    ctx.roleStore = roles;
    ctx.pendingTrail = [];
    // Most updates log nothing, and a pino child with redaction is costly, so it is made on first use.
    let child: Logger | undefined;
    Object.defineProperty(ctx, "logger", { get: () => (child ??= logger.child({ update_id: ctx.update.update_id })) });
    let loaded: Promise<Role[]> | undefined;
    ctx.roles = () => (loaded ??= ctx.from ? roles.rolesOf(ctx.from.id) : Promise.resolve([]));
    return next();
  };
}
