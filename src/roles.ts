import type { Redis } from "ioredis";
import { KEYS } from "./redis.js";

export const ROLES = ["admin", "caseworker", "editor"] as const;
export type Role = (typeof ROLES)[number];
export type GrantableRole = Exclude<Role, "admin">;

export interface RoleStore {
  rolesOf(userId: number): Promise<Role[]>;
  /** Everyone who may work on cases (caseworkers and admins), by Telegram id. */
  caseworkers(): Promise<number[]>;
  grant(userId: number, role: GrantableRole): Promise<void>;
  revoke(userId: number, role: GrantableRole): Promise<void>;
}

// Admins come only from ADMIN_IDS, so nobody can make themselves an admin through Redis.
export function createRoleStore(redis: Redis, adminIds: readonly number[]): RoleStore {
  const admins = new Set(adminIds);
  const key = (userId: number) => KEYS.roles + userId;
  return {
    async rolesOf(userId) {
      const stored = await redis.smembers(key(userId));
      const granted = ROLES.filter((role) => role !== "admin" && stored.includes(role));
      return admins.has(userId) ? ["admin", ...granted] : granted;
    },
    async caseworkers() {
      const ids = new Set(admins);
      let cursor = "0";
      do {
        const [next, keys] = await redis.scan(cursor, "MATCH", `${KEYS.roles}*`, "COUNT", 500);
        cursor = next;
        for (const key of keys) if (await redis.sismember(key, "caseworker")) ids.add(Number(key.slice(KEYS.roles.length)));
      } while (cursor !== "0");
      return [...ids].sort((a, b) => a - b);
    },
    async grant(userId, role) {
      await redis.sadd(key(userId), role);
    },
    async revoke(userId, role) {
      await redis.srem(key(userId), role);
    },
  };
}
