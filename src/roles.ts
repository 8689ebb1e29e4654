import type { Redis } from "ioredis";
import { KEYS, luaScript } from "./redis.js";
import { storedActor } from "./audit/stream.js";

export const ROLES = ["admin", "caseworker", "editor"] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: string | undefined): value is Role => ROLES.some((role) => role === value);

export interface StaffMember {
  id: number;
  roles: Role[];
  /** An admin from ADMIN_IDS: only the operator can take that away, by editing the setting. */
  permanent: boolean;
}

export type RevokeResult = "revoked" | "absent" | "permanent" | "last-admin";

export interface RoleStore {
  rolesOf(userId: number): Promise<Role[]>;
  isPermanentAdmin(userId: number): boolean;
  /** Everyone with a role, admins from ADMIN_IDS first, then by Telegram id. */
  staff(): Promise<StaffMember[]>;
  /** Everyone who may work on cases (caseworkers and admins), by Telegram id. */
  caseworkers(): Promise<number[]>;
  /** Everyone who may publish and approve broadcasts (editors and admins), by Telegram id. */
  editors(): Promise<number[]>;
  /** False when they had the role already. `actor` is who grants it, as the audit names staff. */
  grant(userId: number, role: Role, actor: string): Promise<boolean>;
  revoke(userId: number, role: Role, actor: string): Promise<RevokeResult>;
  /** Display names by id: staff members', or of someone an admin looked up today; unknown ones are missing. */
  names(ids: number[]): Promise<Map<number, string>>;
  /** A staff member's name, kept for /staff and /audit, and the language they use the bot in. */
  rememberName(userId: number, name: string, locale?: string): Promise<void>;
  /** The language a staff member last used the bot in, if known. */
  localeOf(userId: number): Promise<string | undefined>;
  /** The name of someone an admin looked up: kept a day, and as staff only if a role is granted meanwhile. */
  rememberCandidate(userId: number, name: string): Promise<void>;
}

/** First name and @username, as Telegram shows a person; cut short, since anyone can choose a long name. */
export function displayName(user: { first_name?: string; username?: string }): string {
  return [user.first_name?.trim().slice(0, 64), user.username && `@${user.username}`].filter(Boolean).join(" ");
}

const CANDIDATE_SECONDS = 24 * 3600;

// The role, its audit entry, and the name learned when the admin looked the person up, all or nothing.
// KEYS: roles of the person, audit, names, candidate. ARGV: role, actor, person's id.
const GRANT = luaScript<number>(`
if redis.call("SADD", KEYS[1], ARGV[1]) == 0 then return 0 end
local name = redis.call("GET", KEYS[4])
if name then
  redis.call("HSET", KEYS[3], ARGV[3], name)
  redis.call("DEL", KEYS[4])
end
redis.call("XADD", KEYS[2], "*", "action", "role:grant", "actor", ARGV[2], "target", ARGV[3], "role", ARGV[1])
return 1
`);

// The last admin stays: with no ADMIN_IDS, revoking "admin" needs another admin still holding it now. The
// others are the ones found before the script ran; one granted since is not counted, which errs on the
// side of refusing. KEYS: roles of the person, audit, roles of the other granted admins. ARGV: role,
// actor, person's id, how many admins ADMIN_IDS has.
const REVOKE = luaScript<RevokeResult>(`
if redis.call("SISMEMBER", KEYS[1], ARGV[1]) == 0 then return "absent" end
if ARGV[1] == "admin" and ARGV[4] == "0" then
  local others = 0
  for i = 3, #KEYS do others = others + redis.call("SISMEMBER", KEYS[i], "admin") end
  if others == 0 then return "last-admin" end
end
redis.call("SREM", KEYS[1], ARGV[1])
redis.call("XADD", KEYS[2], "*", "action", "role:revoke", "actor", ARGV[2], "target", ARGV[3], "role", ARGV[1])
return "revoked"
`);

// Admins from ADMIN_IDS are permanent; the bot stores every other role, admin included, in `roles:<id>`.
export function createRoleStore(redis: Redis, adminIds: readonly number[]): RoleStore {
  const permanent = new Set(adminIds);
  const key = (userId: number) => KEYS.roles + userId;
  const ordered = (roles: Iterable<string>) => ROLES.filter((role) => [...roles].includes(role));

  /** Every stored role, by Telegram id. */
  async function stored(): Promise<Map<number, Role[]>> {
    const found = new Map<number, Role[]>();
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${KEYS.roles}*`, "COUNT", 500);
      cursor = next;
      const ids = keys.map((each) => each.slice(KEYS.roles.length)).filter((id) => /^\d+$/.test(id)).map(Number);
      const sets = await Promise.all(ids.map((id) => redis.smembers(key(id))));
      ids.forEach((id, index) => found.set(id, ordered(sets[index]!)));
    } while (cursor !== "0");
    return found;
  }

  async function staff(): Promise<StaffMember[]> {
    const roles = await stored();
    const members = [...new Set([...permanent, ...roles.keys()])].map((id) => ({
      id,
      permanent: permanent.has(id),
      roles: ordered([...(permanent.has(id) ? ["admin"] : []), ...(roles.get(id) ?? [])]),
    }));
    return members.filter((member) => member.roles.length > 0).sort((a, b) => Number(b.permanent) - Number(a.permanent) || a.id - b.id);
  }
  // Those who hold the role, or are admins (who may do what any role may), by Telegram id.
  async function holding(role: Role): Promise<number[]> {
    const members = await staff();
    return members.filter((member) => member.roles.includes("admin") || member.roles.includes(role)).map((member) => member.id).sort((a, b) => a - b);
  }

  return {
    async rolesOf(userId) {
      const roles = await redis.smembers(key(userId));
      return ordered(permanent.has(userId) ? ["admin", ...roles] : roles);
    },
    isPermanentAdmin: (userId) => permanent.has(userId),
    staff,
    caseworkers: () => holding("caseworker"),
    editors: () => holding("editor"),
    async grant(userId, role, actor) {
      if (role === "admin" && permanent.has(userId)) return false;
      return (await GRANT(redis, [key(userId), KEYS.audit, KEYS.staffNames, KEYS.staffCandidate + userId], [role, storedActor(actor), userId])) === 1;
    },
    async revoke(userId, role, actor) {
      if (role === "admin" && permanent.has(userId)) return "permanent";
      const otherAdmins = role === "admin" && permanent.size === 0
        ? [...(await stored())].filter(([id, roles]) => id !== userId && roles.includes("admin")).map(([id]) => key(id))
        : [];
      return REVOKE(redis, [key(userId), KEYS.audit, ...otherAdmins], [role, storedActor(actor), userId, permanent.size]);
    },
    async names(ids) {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return new Map();
      const values = await redis.hmget(KEYS.staffNames, ...unique.map(String));
      const found = new Map(unique.flatMap((id, index) => (values[index] ? [[id, values[index]] as const] : [])));
      const missing = unique.filter((id) => !found.has(id));
      if (missing.length === 0) return found;
      const candidates = await redis.mget(...missing.map((id) => KEYS.staffCandidate + id));
      missing.forEach((id, index) => candidates[index] && found.set(id, candidates[index]));
      return found;
    },
    async rememberName(userId, name, locale) {
      const batch = redis.multi();
      if (name) batch.hset(KEYS.staffNames, String(userId), name);
      if (locale) batch.hset(KEYS.staffLocales, String(userId), locale);
      await batch.exec();
    },
    async localeOf(userId) {
      return (await redis.hget(KEYS.staffLocales, String(userId))) ?? undefined;
    },
    async rememberCandidate(userId, name) {
      if (name) await redis.set(KEYS.staffCandidate + userId, name, "EX", CANDIDATE_SECONDS);
    },
  };
}
