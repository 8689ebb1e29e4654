import { describe, expect, it, vi } from "vitest";
import { createChatTrail, DELETABLE_MS } from "../src/chat-trail.js";
import { useRedis } from "./harness.js";

const redis = useRedis();
const trailOf = () => createChatTrail(redis, (chatId) => `trail-test-${chatId}`);

describe("the chat trail", () => {
  it("writes the records of many chats made together in one script call, each to its own chat", async () => {
    const trail = trailOf();
    const calls = vi.spyOn(redis, "evalsha");
    await Promise.all([trail.record(1, [10, 11]), trail.record(2, [20]), trail.record(1, [12]), trail.record(3, [30, 31, 32])]);
    expect(calls).toHaveBeenCalledTimes(1);
    calls.mockRestore();
    expect(await trail.take(1)).toEqual([10, 11, 12]);
    expect(await trail.take(2)).toEqual([20]);
    expect(await trail.take(3)).toEqual([30, 31, 32]);
    expect(await trail.take(1)).toEqual([]);
  });

  it("takes what was recorded just before, even when that write has not been sent yet", async () => {
    const trail = trailOf();
    void trail.record(4, [40, 41]);
    expect(await trail.take(4)).toEqual([40, 41]);
  });

  it("keeps ids only as long as Telegram lets the bot delete them", async () => {
    const trail = trailOf();
    await trail.record(5, [50]);
    expect(await redis.pttl("trail:trail-test-5")).toBeGreaterThan(DELETABLE_MS - 60_000);
    await redis.zadd("trail:trail-test-5", Date.now() - DELETABLE_MS - 1000, 49);
    expect(await trail.take(5)).toEqual([50]);
  });
});
