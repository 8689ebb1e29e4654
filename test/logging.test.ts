import { describe, expect, it } from "vitest";
import { BotError } from "grammy";
import { captureLogs, useRedis } from "./harness.js";

const redis = useRedis();

describe("logging", () => {
  it("redacts message text, names, usernames, phone numbers and contacts at any depth", () => {
    const { logger, lines } = captureLogs();
    logger.info({
      update: {
        message: {
          text: "меня избили в ИВС",
          caption: "фото побоев",
          from: { id: 5, first_name: "Айгуль", last_name: "Токтосунова", username: "aigul_t" },
          contact: { phone_number: "+996555123456", first_name: "Айгуль", vcard: "BEGIN:VCARD" },
        },
      },
      err: { message: "Call failed", payload: { chat_id: 5, text: "ваша жалоба" } },
    });
    const line = lines.join("\n");
    for (const secret of ["меня избили", "фото побоев", "Айгуль", "Токтосунова", "aigul_t", "+996555123456", "VCARD", "ваша жалоба"]) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain('"id":5');
  });

  it("keeps the arguments of a failed Redis command out of the log, at any depth", async () => {
    const { logger, lines } = captureLogs();
    const secret = "v1:sealed-draft-ciphertext";
    const failed = await redis.eval("return redis.call('NOSUCHCOMMAND', ARGV[1])", 0, secret).catch((err: unknown) => err);
    expect(JSON.stringify((failed as { command?: unknown }).command)).toContain(secret);
    logger.error({ err: failed }, "update failed");
    logger.error({ err: new BotError(failed, {} as never) }, "update failed outside the error boundary");
    logger.warn({ err: new Error("could not record", { cause: failed }) }, "wrapped");
    expect(lines).toHaveLength(3);
    expect(lines.join("\n")).not.toContain(secret);
  });
});
