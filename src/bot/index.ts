import { Api, Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { I18n } from "@grammyjs/i18n";
import { sequentialize } from "@grammyjs/runner";
import type { Redis } from "ioredis";
import { createConversation } from "@grammyjs/conversations";
import { createAuditLog } from "../audit/stream.js";
import { createChatTrail, trackChat } from "../chat-trail.js";
import { createCaseStore } from "../complaints/store.js";
import { createSubscribers } from "../news/subscribers.js";
import { createNewsStore } from "../news/items.js";
import { createBroadcasts } from "../news/broadcasts.js";
import { createCipher } from "../crypto.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { Metrics } from "../metrics.js";
import type { Profile } from "../profile.js";
import { createRightsSearch } from "../rights/search.js";
import { createRoleStore } from "../roles.js";
import type { BotContext } from "./context.js";
import { Composer } from "./composer.js";
import { conversationsMiddleware, DRAFT_TTL_MS } from "./conversations.js";
import { CHECK, checkConversation } from "./conversations/check.js";
import { REPORT, reportConversation } from "./conversations/report.js";
import { PUBLISH, publishConversation } from "./conversations/publish.js";
import { NEWS_EDIT, newsEditConversation } from "./conversations/news-edit.js";
import { commandsInAnyCase } from "./commands.js";
import { createErrorHandler } from "./errors.js";
import { rateLimit } from "./rate-limit.js";
import { failFastFetch, retryTransformer } from "./retry.js";
import { contextWith, measureUpdates } from "./middlewares.js";
import { personKeyOf, sessionStore, skipHandled } from "./session.js";
import { forgetPrompt } from "./reply-prompts.js";
import { pingWithin } from "../redis.js";
import { personTurn } from "../updates/person-turn.js";
import { casesFeature } from "./features/cases.js";
import { caseListFeature } from "./features/case-list.js";
import { statsFeature } from "./features/stats.js";
import { exportFeature } from "./features/export.js";
import { staffFeature } from "./features/staff.js";
import { auditFeature } from "./features/audit.js";
import { caseActionsFeature } from "./features/case-actions.js";
import { caseReplyFeature } from "./features/case-reply.js";
import { reporterAnswersFeature } from "./features/reporter-answers.js";
import { retentionFeature } from "./features/retention.js";
import { clearFeature } from "./features/clear.js";
import { followNewsLanguage, subscriptionFeature } from "./features/subscription.js";
import { newsStaffFeature } from "./features/news-staff.js";
import { newsFeature } from "./features/news.js";
import { contactsFeature } from "./features/contacts.js";
import { greetingFeature } from "./features/greeting.js";
import { helpFeature } from "./features/help.js";
import { inlineFeature } from "./features/inline.js";
import { languageFeature } from "./features/language.js";
import { myReportsFeature } from "./features/my-reports.js";
import { reportCancelFeature } from "./features/report-cancel.js";
import { reportFeature } from "./features/report.js";
import { rightsFeature } from "./features/rights.js";
import { searchFeature } from "./features/search.js";
import { startFeature } from "./features/start.js";
import { unhandledFeature } from "./features/unhandled.js";
import { unknownLanguageFeature } from "./features/unknown-language.js";
import { whoamiFeature } from "./features/whoami.js";

export interface BotDeps {
  redis: Redis;
  logger: Logger;
  metrics: Metrics;
  i18n: I18n<BotContext>;
  profile: Profile;
  /** Known bot identity, so no getMe call is needed (tests, terminal chat). */
  botInfo?: UserFromGetMe;
  /** The Telegram seam: every Bot API call, including those inside conversations, goes through it. */
  fetch?: typeof fetch;
}

export function createBot(config: Config, deps: BotDeps): Bot<BotContext> {
  const { redis, logger, metrics, i18n, profile } = deps;
  const cipher = createCipher(config.dataKey, config.oldDataKeys);
  const personKey = personKeyOf(cipher);
  const trail = createChatTrail(redis, (chatId) => cipher.pseudonym(String(chatId)));
  const bot = new Bot<BotContext>(config.botToken, {
    botInfo: deps.botInfo,
    client: { apiRoot: config.apiRoot, fetch: deps.fetch && failFastFetch(deps.fetch) },
    ContextConstructor: contextWith({
      config,
      logger,
      roles: createRoleStore(redis, config.adminIds),
      profile,
      rightsSearch: createRightsSearch((locale, key, variables) => i18n.t(locale, key, variables)),
      trail,
      cases: createCaseStore(redis, cipher, { retentionDays: config.retentionDays }),
      subscribers: createSubscribers(redis, cipher),
      news: createNewsStore(redis),
      broadcasts: createBroadcasts(redis),
      audit: createAuditLog(redis),
      translateFor: (locale, key, variables) => i18n.t(locale, key, variables),
    }),
  });
  const retry = retryTransformer(config);
  bot.api.config.use(retry);

  bot.use(measureUpdates(metrics));
  const protectedBot = new Composer<BotContext>();
  bot.errorBoundary(createErrorHandler(i18n, metrics, () => pingWithin(redis, 500)), protectedBot);
  protectedBot.use(commandsInAnyCase);
  // In order across processes (several webhook processes may share the people; in polling mode one process
  // takes every update), then within this one.
  if (config.webhook) protectedBot.use(personTurn(redis, personKey));
  protectedBot.use(sequentialize(personKey));
  const sessions = sessionStore(redis, personKey);
  const limits = rateLimit(redis, personKey, config.rateLimit);
  // Every message goes into the chat's trail, also one past the rate limit, so «Clear this chat» finds it.
  protectedBot.use(trackChat(trail, logger));
  // The session's read and the rate limit's count go to Redis together, and the update waits for one round
  // trip: the read starts first, the count is taken, then the session middleware finds the read under way.
  protectedBot.use(sessions.readAhead, limits.count, sessions.middleware);
  protectedBot.use(i18n);
  protectedBot.use(limits.notice);
  protectedBot.use(skipHandled);
  protectedBot.use(forgetPrompt);
  protectedBot.use(unknownLanguageFeature); // before anything answers, so the first answer is in the right language
  protectedBot.use(followNewsLanguage);
  protectedBot.use(conversationsMiddleware({ redis, cipher, personKey, i18n, retry, trail, logger }));
  protectedBot.use(reportCancelFeature); // before the forms, so /cancel reaches it while one waits
  protectedBot.use(createConversation(reportConversation, { id: REPORT, maxMillisecondsToWait: DRAFT_TTL_MS }));
  protectedBot.use(createConversation(checkConversation, { id: CHECK, maxMillisecondsToWait: DRAFT_TTL_MS }));
  protectedBot.use(createConversation(publishConversation, { id: PUBLISH, maxMillisecondsToWait: DRAFT_TTL_MS }));
  protectedBot.use(createConversation(newsEditConversation, { id: NEWS_EDIT, maxMillisecondsToWait: DRAFT_TTL_MS }));

  protectedBot.use(reportFeature); // before the rest, so a draft that ran out is mentioned whatever comes next
  // What citizens send most comes first, so a command or button found here passes no staff filter; and
  // these take commands and buttons only, so a typed text, which is searched, skips them all at once.
  const notTyped = (ctx: BotContext) => ctx.message?.text === undefined || ctx.message.text.startsWith("/");
  protectedBot.filter(notTyped, startFeature, helpFeature, languageFeature, rightsFeature, contactsFeature, newsFeature, subscriptionFeature, clearFeature, inlineFeature, myReportsFeature);
  protectedBot.filter(notTyped, casesFeature, caseListFeature, exportFeature, retentionFeature, auditFeature, statsFeature(redis), newsStaffFeature, whoamiFeature);
  // These also take a typed answer to their prompts, or a forwarded message.
  protectedBot.use(reporterAnswersFeature, caseActionsFeature, caseReplyFeature, staffFeature);
  protectedBot.use(greetingFeature, searchFeature); // free text that nothing above took
  protectedBot.use(unhandledFeature); // must stay last

  bot.catch(({ ctx, error }) => ctx.logger.error({ err: error }, "update failed outside the error boundary"));
  return bot;
}

/** The Bot API as broadcasts use it: no auto-retry, since their worker holds every worker on a 429 itself. */
export function createBroadcastApi(config: Config, fetch?: typeof globalThis.fetch): Api {
  return new Api(config.botToken, { apiRoot: config.apiRoot, fetch: fetch && failFastFetch(fetch) });
}
