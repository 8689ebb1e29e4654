import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import jsqr from "jsqr";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { deepLink, writeQrCodes } from "../src/qr.js";
import { TOPICS } from "../src/rights/topics.js";

// jsqr is CommonJS with a default export that TypeScript's NodeNext resolution types as the module itself.
const jsQR = jsqr.default;

const decode = (file: string) => {
  const png = PNG.sync.read(readFileSync(file));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
};

describe("npm run qr", () => {
  it("writes a PNG and an SVG per topic that scan to the topic's deep link, and a list of the links", async () => {
    const out = mkdtempSync(join(tmpdir(), "ukuk-qr-"));
    const files = await writeQrCodes("ukuk_test_bot", out);
    expect(files).toHaveLength(TOPICS.length * 2 + 1);
    for (const topic of TOPICS) {
      expect(decode(join(out, `${topic.id}.png`))).toBe(`https://t.me/ukuk_test_bot?start=${topic.id}`);
      expect(readFileSync(join(out, `${topic.id}.svg`), "utf8")).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    }
    expect(readFileSync(join(out, "links.txt"), "utf8").split("\n")[1]).toBe(`detained\t${deepLink("ukuk_test_bot", "detained")}`);
  });

  it("refuses to run without a valid bot username and says how to call it", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "src/qr-cli.ts", "--bot", "not a name"], { encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("usage: npm run qr -- --bot <bot_username>");
  });
});
