import type { User } from "grammy/types";
import { Composer } from "../composer.js";
import { staffActor } from "../../audit/stream.js";
import { displayName, type Role } from "../../roles.js";
import type { BotContext } from "../context.js";
import { isAdmin, onlyFor } from "../filters.js";
import { sendScreen, showScreen } from "../screens.js";
import { confirmChange, personCard, PICK_REQUEST, pickKeyboard, STAFF, staffList } from "../staff-view.js";

const composer = new Composer<BotContext>();
// Admins only, in their private chat; the role is read again on every press, so a forged button from
// anyone else falls through to the ordinary "this button no longer works" and changes nothing.
const feature = composer.chatType("private");
const admins = onlyFor(isAdmin);

type Ctx = BotContext & { from: User };

async function listScreen(ctx: BotContext) {
  const members = await ctx.roleStore.staff();
  return staffList(ctx.t, members, await ctx.roleStore.names(members.map((member) => member.id)));
}

async function cardScreen(ctx: BotContext, id: number) {
  const [roles, names] = await Promise.all([ctx.roleStore.rolesOf(id), ctx.roleStore.names([id])]);
  return personCard(ctx.t, { id, name: names.get(id), roles, permanent: ctx.roleStore.isPermanentAdmin(id) });
}

/** A person the admin pointed at (forwarded, picked or typed): their card, and their name kept if it is new. */
async function sendCard(ctx: BotContext, person: { id: number; first_name?: string; username?: string }) {
  const name = displayName(person);
  const staff = (await ctx.roleStore.rolesOf(person.id)).length > 0;
  await (staff ? ctx.roleStore.rememberName(person.id, name) : ctx.roleStore.rememberCandidate(person.id, name));
  await sendScreen(ctx, await cardScreen(ctx, person.id));
}

feature.command("staff", admins(async (ctx) => {
  const arg = ctx.match.trim();
  if (arg === "") return sendScreen(ctx, await listScreen(ctx));
  if (!/^\d{1,16}$/.test(arg)) return ctx.reply(ctx.t("staff-usage"));
  await sendScreen(ctx, await cardScreen(ctx, Number(arg)));
}));

feature.callbackQuery(STAFF.list, admins(async (ctx) => {
  await ctx.answerCallbackQuery();
  await showScreen(ctx, await listScreen(ctx));
}));

feature.callbackQuery(STAFF.card, admins(async (ctx) => {
  await ctx.answerCallbackQuery();
  await showScreen(ctx, await cardScreen(ctx, Number(ctx.match[1])));
}));

feature.callbackQuery(STAFF.pick, admins(async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("staff-pick-prompt"), { reply_markup: pickKeyboard(ctx.t) });
}));

// Forwarding any message of the person's is the quickest way to name them. Those who hide their account
// in forwards arrive as a bare name: the admin is told to pick them instead, or to ask for their id.
feature.on("message:forward_origin", admins(async (ctx) => {
  const origin = ctx.msg.forward_origin;
  if (origin.type === "hidden_user") return ctx.reply(ctx.t("staff-forward-hidden"), { reply_markup: pickKeyboard(ctx.t) });
  if (origin.type !== "user" || origin.sender_user.is_bot) return ctx.reply(ctx.t("staff-forward-not-person"));
  await sendCard(ctx, origin.sender_user);
}));

feature.on("message:users_shared").filter((ctx) => ctx.msg.users_shared.request_id === PICK_REQUEST).use(admins(async (ctx) => {
  const [picked] = ctx.msg.users_shared.users;
  if (picked) await sendCard(ctx, { id: picked.user_id, first_name: picked.first_name, username: picked.username });
}));

async function grant(ctx: Ctx, id: number, role: Role) {
  const granted = await ctx.roleStore.grant(id, role, staffActor(ctx.from.id));
  ctx.logger.info({ staff: ctx.from.id, target: id, role, granted }, "role grant");
  // Telegram lets the bot write only to those who have opened it: not reaching them is worth saying, not an error.
  const told = !granted || id === ctx.from.id || await ctx.api.sendMessage(id, ctx.t("staff-granted-you", { role: ctx.t(`role-${role}`) })).then(() => true, (err: unknown) => {
    ctx.logger.warn({ err, target: id }, "could not tell a person they were given a role");
    return false;
  });
  const answer = !granted ? "staff-had-role" : told ? "staff-granted" : "staff-granted-not-told";
  await ctx.answerCallbackQuery({ text: ctx.t(answer, { role: ctx.t(`role-${role}`) }), show_alert: !told });
}

async function revoke(ctx: Ctx, id: number, role: Role) {
  const result = await ctx.roleStore.revoke(id, role, staffActor(ctx.from.id));
  ctx.logger.info({ staff: ctx.from.id, target: id, role, result }, "role revoke");
  await ctx.answerCallbackQuery({ text: ctx.t(`staff-revoke-${result}`, { role: ctx.t(`role-${role}`) }), show_alert: result !== "revoked" });
}

feature.callbackQuery(STAFF.change, admins(async (ctx) => {
  const [, step, target, role] = ctx.match as RegExpMatchArray & [string, "g" | "r" | "gy" | "ry", string, Role];
  const id = Number(target);
  if (step === "r" || (step === "g" && role === "admin")) {
    await ctx.answerCallbackQuery();
    const names = await ctx.roleStore.names([id]);
    return showScreen(ctx, confirmChange(ctx.t, { id, name: names.get(id) }, role, step === "g"));
  }
  await (step === "ry" ? revoke(ctx, id, role) : grant(ctx, id, role));
  await showScreen(ctx, await cardScreen(ctx, id));
}));

export { composer as staffFeature };
