import { describe, expect, it } from "vitest";
import { luaScript } from "../src/redis.js";
import { useRedis } from "./harness.js";

const redis = useRedis();

describe("a Lua script", () => {
  it("runs by its hash, and by its text when Redis has forgotten it (a restart, SCRIPT FLUSH)", async () => {
    const append = luaScript<number>(`return redis.call("RPUSH", KEYS[1], ARGV[1])`);
    const key = `lua-test:${Date.now()}`;
    await redis.script("FLUSH");
    expect(await append(redis, [key], ["a"])).toBe(1);
    expect(await append(redis, [key], ["b"])).toBe(2);
    await redis.script("FLUSH");
    expect(await append(redis, [key], ["c"])).toBe(3);
    expect(await redis.lrange(key, 0, -1)).toEqual(["a", "b", "c"]);
  });

  it("passes on an error that is not a missing script", async () => {
    const broken = luaScript(`return redis.call("NOSUCHCOMMAND")`);
    await expect(broken(redis, [], [])).rejects.toThrow(/unknown command|Unknown Redis command/i);
  });
});
