import { describe, expect, it } from "vitest";
import { useRedis } from "./harness.js";
import { reportPerson } from "./report-helpers.js";

const redis = useRedis();

describe("commands in any letter case", () => {
  it("/REPORT, /Help, /Cancel, /START and /Language@Bot work as in lower case", async () => {
    const { l, person } = reportPerson(redis, "ru");
    await person.send("/Help");
    expect(person.last.text).toBe(l("help-text"));
    await person.send("/REPORT");
    expect(person.last.text).toMatch(/^<b>Прежде чем начать<\/b>/);
    await person.click(l("report-agree"));
    await person.send("/Cancel");
    expect(person.last.text).toBe(l("report-drop-confirm"));
    await person.click(l("report-drop"));
    await person.send("/START");
    expect(person.last.text).toBe(l("start-greeting"));
    await person.send("/Language@Ukuk_Test_Bot");
    expect(person.last.text).toBe("Тилди тандаңыз:\nВыберите язык:");
  });

  it("reads the payload after the command, and works mid-form", async () => {
    const { l, person } = reportPerson(redis, "ru");
    await person.send("/START report");
    expect(person.last.text).toMatch(/^<b>Прежде чем начать<\/b>/);
    await person.send("/CHECK");
    expect(person.last.text).toBe(l("report-in-progress"));
  });
});
