import { InlineKeyboard, Keyboard } from "grammy";
import type { TranslateFunction } from "@grammyjs/i18n";
import { escapeHtml, stripBidi } from "../html.js";
import { ROLES, type Role, type StaffMember } from "../roles.js";
import { AUDIT } from "./audit-view.js";
import type { Screen } from "./screens.js";

/**
 * Callback data of /staff: the list, a person's card, and a change of one role. `g` grants and `r` asks
 * before revoking; `gy` and `ry` are the confirmed grant of admin and the confirmed revoke.
 */
export const STAFF = {
  list: "sf:l",
  pick: "sf:p",
  card: /^sf:u:(\d{1,16})$/,
  change: /^sf:(g|r|gy|ry):(\d{1,16}):(admin|caseworker|editor)$/,
  cardData: (id: number) => `sf:u:${id}`,
  changeData: (step: "g" | "r" | "gy" | "ry", id: number, role: Role) => `sf:${step}:${id}:${role}`,
} as const;

/** The request id of «Choose a person», which Telegram sends back with the person chosen. */
export const PICK_REQUEST = 1;

/** A staff member as the admin sees them: the name when the bot knows it, else the Telegram id. */
export const personName = (t: TranslateFunction, id: number, name: string | undefined) => name ?? t("staff-id", { id: String(id) });

const roleList = (t: TranslateFunction, roles: readonly Role[]) => roles.map((role) => t(`role-${role}`)).join(", ");

export function staffList(t: TranslateFunction, members: StaffMember[], names: Map<number, string>): Screen {
  const keyboard = new InlineKeyboard();
  const lines = members.map(({ id, roles, permanent }) => {
    keyboard.text(stripBidi(personName(t, id, names.get(id))), STAFF.cardData(id)).row();
    const fixed = permanent ? ` ${t("staff-permanent-mark")}` : "";
    return `• ${escapeHtml(personName(t, id, names.get(id)))} — ${roleList(t, roles)}${fixed}`;
  });
  keyboard.text(t("staff-pick"), STAFF.pick);
  return { text: [`<b>${t("staff-title")}</b>`, ...lines, "", t("staff-how-to-add")].join("\n"), keyboard };
}

export interface Person {
  id: number;
  name?: string;
  roles: Role[];
  permanent: boolean;
}

/** One person's roles, a button to give or take each, their audit entries, and the way back. */
export function personCard(t: TranslateFunction, { id, name, roles, permanent }: Person): Screen {
  const keyboard = new InlineKeyboard();
  for (const role of ROLES) {
    if (role === "admin" && permanent) continue;
    const has = roles.includes(role);
    keyboard.text(t(has ? "staff-revoke" : "staff-grant", { role: t(`role-${role}`) }), STAFF.changeData(has ? "r" : "g", id, role)).row();
  }
  keyboard.text(t("staff-audit"), AUDIT.data({ staff: id })).row().text(t("staff-to-list"), STAFF.list);
  const text = [
    name ? `<b>${escapeHtml(name)}</b> · ${t("staff-id", { id: String(id) })}` : `<b>${t("staff-id", { id: String(id) })}</b>`,
    roles.length > 0 ? t("staff-roles", { roles: roleList(t, roles) }) : t("staff-no-roles"),
    ...(permanent ? [t("staff-permanent")] : []),
  ];
  return { text: text.join("\n"), keyboard };
}

/** Asked before a role is taken away, and before anyone is made an admin. */
export function confirmChange(t: TranslateFunction, person: Pick<Person, "id" | "name">, role: Role, grant: boolean): Screen {
  const name = escapeHtml(personName(t, person.id, person.name));
  const text = grant ? t("staff-confirm-admin", { name }) : t("staff-confirm-revoke", { name, role: t(`role-${role}`) });
  const keyboard = new InlineKeyboard()
    .text(t(grant ? "staff-confirm-admin-yes" : "staff-confirm-revoke-yes"), STAFF.changeData(grant ? "gy" : "ry", person.id, role))
    .row()
    .text(t("rights-back"), STAFF.cardData(person.id));
  return { text, keyboard };
}

/** Telegram's own picker of a person from the admin's chats: it works even for those who hide forwards. */
export const pickKeyboard = (t: TranslateFunction) =>
  new Keyboard().requestUsers(t("staff-pick"), PICK_REQUEST, { request_name: true, request_username: true }).resized().oneTime();
