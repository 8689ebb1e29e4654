import { describe, expect, it } from "vitest";
import { captureLogs } from "./harness.js";

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
});
