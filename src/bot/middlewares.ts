import { Context, type NextFunction } from "grammy";
import type { AuditLog } from "../audit/stream.js";
import type { ChatTrail } from "../chat-trail.js";
import type { CaseStore } from "../complaints/store.js";
import type { Subscribers } from "../news/subscribers.js";
import type { NewsStore } from "../news/items.js";
import type { Broadcasts } from "../news/broadcasts.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { Metrics } from "../metrics.js";
import type { Profile } from "../profile.js";
import type { RightsSearch } from "../rights/search.js";
import type { Role, RoleStore } from "../roles.js";
import type { BotContext } from "./context.js";

function kindOf(update: object): string {
  for (const key in update) if (key !== "update_id") return key;
  return "unknown";
}

export function measureUpdates(metrics: Metrics) {
  return async (ctx: BotContext, next: NextFunction) => {
    const stop = metrics.duration.startTimer();
    try {
      await next();
    } finally {
      stop();
      metrics.updates.inc({ type: kindOf(ctx.update) });
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
  subscribers: Subscribers;
  news: NewsStore;
  broadcasts: Broadcasts;
  audit: AuditLog;
  translateFor: BotContext["translateFor"];
}

const UNREAD = Symbol("not read yet");

/**
 * The class of every update's context: what every update needs (config, stores, logger) is on its
 * prototype, shared, instead of being copied onto each context, which made each one a slow object.
 */
export function contextWith({ config, logger, roles, profile, rightsSearch, trail, cases, subscribers, news, broadcasts, audit, translateFor }: UpdateDeps) {
  class UpdateContext extends Context {
    #logger: Logger | undefined;
    #roles: Promise<Role[]> | undefined;
    pendingTrail: number[] = [];
    // grammY works these out on every read, through a dozen getters each, and every middleware reads them,
    // so each is worked out once per update (a feature may put another update in place: see
    // unknown-language.ts).
    #readFrom: Context["update"] | undefined;
    #from: Context["from"] | typeof UNREAD = UNREAD;
    #msg: Context["msg"] | typeof UNREAD = UNREAD;
    #chat: Context["chat"] | typeof UNREAD = UNREAD;
    #current(): void {
      if (this.#readFrom === this.update) return;
      this.#readFrom = this.update;
      this.#from = this.#msg = this.#chat = UNREAD;
    }
    override get from() {
      this.#current();
      return this.#from === UNREAD ? (this.#from = super.from) : this.#from;
    }
    override get msg() {
      this.#current();
      return this.#msg === UNREAD ? (this.#msg = super.msg) : this.#msg;
    }
    override get chat() {
      this.#current();
      return this.#chat === UNREAD ? (this.#chat = super.chat) : this.#chat;
    }
    // Most updates log nothing, and a pino child with redaction is costly, so it is made on first use.
    get logger(): Logger {
      return (this.#logger ??= logger.child({ update_id: this.update.update_id }));
    }
    /** The sender's staff roles, read once per update, and only when asked for. */
    roles(): Promise<Role[]> {
      return (this.#roles ??= this.from ? roles.rolesOf(this.from.id) : Promise.resolve([]));
    }
  }
  Object.assign(UpdateContext.prototype, { config, translateFor, profile, rightsSearch, trail, cases, subscribers, news, broadcasts, audit, roleStore: roles });
  return UpdateContext as unknown as new (...args: ConstructorParameters<typeof Context>) => BotContext;
}
