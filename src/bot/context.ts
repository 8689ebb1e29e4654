import type { Context, SessionFlavor } from "grammy";
import type { ConversationFlavor } from "@grammyjs/conversations";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Config, Locale } from "../config.js";
import type { AuditLog } from "../audit/stream.js";
import type { ChatTrail } from "../chat-trail.js";
import type { CaseStore } from "../complaints/store.js";
import type { Subscribers } from "../news/subscribers.js";
import type { NewsStore } from "../news/items.js";
import type { Broadcasts } from "../news/broadcasts.js";
import type { Logger } from "../logger.js";
import type { Profile } from "../profile.js";
import type { RightsSearch } from "../rights/search.js";
import type { Role, RoleStore } from "../roles.js";

export interface SessionData {
  locale?: Locale;
  /** Until the person chooses, the language their first words were written in (see unknown-language.ts). */
  guessedLocale?: Locale;
  /**
   * Set once the person has agreed to start a report, while its draft exists, so they can be told when it
   * is gone unsent. Before that nothing has been entered, and «Cancel» just leaves.
   */
  draftStartedAt?: number;
  /** Set while the person's private chat may hold a form's state (report or check; forms run only there). */
  formOpen?: boolean;
  /** Set when a form's stored state was found but could not be read, until the person is told. */
  formLost?: boolean;
  /** When the chat last showed a new case's code and PIN, so «Clear this chat» asks before deleting them. */
  secretsShownAt?: number;
  /** The ids of the person's latest handled updates, so a replayed one is not handled twice. */
  handled?: number[];
  /** The latest prompt the person was sent to answer (a note, a reply, an answer), for a text typed without «reply». */
  prompt?: { kind: string; code: string; until: number };
  /** The language the person's news subscription is in, so it follows the bot's language however that changes. */
  newsLocale?: Locale;
}

interface Extras {
  config: Config;
  logger: Logger;
  /** The sender's staff roles, read once per update. */
  roles: () => Promise<Role[]>;
  /** Anyone's staff roles: to check, for example, that a case is assigned to a caseworker. */
  roleStore: RoleStore;
  profile: Profile;
  rightsSearch: RightsSearch;
  trail: ChatTrail;
  cases: CaseStore;
  /** Who receives the organisation's news and broadcasts. */
  subscribers: Subscribers;
  /** The news feed, and the broadcasts staff send. */
  news: NewsStore;
  broadcasts: Broadcasts;
  audit: AuditLog;
  /** A text in a given language: for a message to someone other than the sender (a staff member told of a case). */
  translateFor: (locale: string, key: string, variables?: Record<string, string | number>) => string;
  /** Message ids of this update not yet stored for «Clear this chat» (see trackChat). */
  pendingTrail: number[];
}

export type BotContext = ConversationFlavor<Context & SessionFlavor<SessionData> & I18nFlavor & Extras>;

/** Inside a conversation only plugins installed for it exist: no session, config or logger. */
export type ConversationContext = Context & I18nFlavor;
