import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { scryptSync } from "node:crypto";
import { compactPinHash, newCaseCode, normalizeCaseCode, hashPin, newPin, verifyPin } from "../src/complaints/codes.js";
import { parseConfig } from "../src/config.js";
import { deflateRawSync } from "node:zlib";
import { compressedToBytes, createCipher, newDataKey } from "../src/crypto.js";

describe("encryption at rest", () => {
  it("round-trips text, seals each value differently, and names the key that sealed it", () => {
    const key = newDataKey();
    const cipher = createCipher(key);
    const a = cipher.encrypt("Меня избили");
    const b = cipher.encrypt("Меня избили");
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1:[0-9a-f]{8}:/);
    expect(cipher.decrypt(a)).toBe("Меня избили");
  });

  it("seals a long account compressed, in far less room, and reads both kinds back", () => {
    const cipher = createCipher(newDataKey());
    const account = "Меня задержали у дома и отвезли в отдел милиции, там били по почкам и требовали подписать признание. ".repeat(6);
    const compressed = cipher.encryptCompressed(account);
    const plain = cipher.encrypt(account);
    expect(compressed).toMatch(/^b1:[0-9a-f]{8}:/);
    expect(compressed.length).toBeLessThan(plain.length / 2);
    expect(cipher.decrypt(compressed)).toBe(account);
    expect(cipher.decrypt(plain)).toBe(account);
    // As raw bytes: the same sealing, a quarter smaller, and the text form turns into it without opening.
    const bytes = cipher.encryptCompressedBytes(account);
    expect(bytes.length).toBeLessThan(compressed.length * 0.8);
    expect(cipher.decrypt(bytes)).toBe(account);
    expect(cipher.decrypt(compressedToBytes(compressed))).toBe(account);
    expect(compressedToBytes(plain)).toBe(plain);
    expect(cipher.decrypt(Buffer.from(plain))).toBe(account);
    const tampered = Buffer.from(bytes);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => cipher.decrypt(tampered)).toThrow();
    // Neither kind can be passed off as the other.
    expect(() => cipher.decrypt(compressed.replace(/^b1:/, "v1:"))).toThrow();
    expect(() => cipher.decrypt(compressed.replace(/^b1:/, "z1:"))).toThrow();
    expect(() => cipher.decrypt(plain.replace(/^v1:/, "b1:"))).toThrow();
  });

  it("still reads what earlier versions deflated, as text and as bytes, and turns the text into bytes", () => {
    // Written by the previous version's encryptCompressed() and encryptCompressedBytes() under this key.
    const cipher = createCipher("q4o9dSpKZyZ4wjJx3VnQ1o8vEx0d2tX9G6bNn0m8tEk=");
    const text = "z1:6e427ed6:xRXqwdZJDQ3I25Ng:KSr8EENQDTJFJF81wpqKwA==:5l+ExNXH8cneQjL1JznxaH2Hpx6gGgxl108DO1M2iYnq8Gh+QDSoNLADfZg=";
    const bytes = Buffer.from("WgFuQn7Wp442ja8eHJpcElf/uS7wMq4Ktz0LSCW5rJ77b1Tj+wXYG9FCrL/9I2BXS7SedYezQQcPNJFwKpSI+4XUeuwdpZNg6Ogp+yC7", "base64");
    expect(cipher.decrypt(text)).toBe("Меня задержали у дома");
    expect(cipher.decrypt(bytes)).toBe("Меня задержали у дома");
    expect(cipher.decrypt(compressedToBytes(text))).toBe("Меня задержали у дома");
    expect(() => cipher.decrypt(text.replace(/^z1:/, "b1:"))).toThrow();
  });

  it("takes a fifth less room for a typical account than deflate did", () => {
    const cipher = createCipher(newDataKey());
    const account = "Меня задержали 12 мая около дома на улице Токтогула и отвезли в районный отдел. Там двое сотрудников били меня по почкам и по голове, требовали подписать признание в краже, которой я не совершал. Адвоката не дали, родственникам не сообщили. Утром отпустили без протокола.";
    const sealedSize = cipher.encryptCompressedBytes(account).length;
    expect(sealedSize).toBeLessThan(deflateRawSync(Buffer.from(account)).length * 0.9 + 34);
  });

  it("keeps values sealed with an old key readable after rotation, through DATA_KEYS_OLD", () => {
    const old = newDataKey();
    const sealed = createCipher(old).encrypt("свидетель: сосед");
    const rotated = createCipher(newDataKey(), [old]);
    expect(rotated.decrypt(sealed)).toBe("свидетель: сосед");
    expect(rotated.encrypt("x").split(":")[1]).not.toBe(sealed.split(":")[1]);
    expect(() => createCipher(newDataKey()).decrypt(sealed)).toThrow(/cannot decrypt a value sealed with key/);
  });

  it("gives the old keys' pseudonyms after rotation, never the current one's", () => {
    const old = newDataKey();
    const current = newDataKey();
    const before = createCipher(old).pseudonym("4242");
    const rotated = createCipher(current, [old, current]);
    expect(rotated.pseudonym("4242")).not.toBe(before);
    expect(rotated.oldPseudonyms("4242")).toEqual([before]);
    expect(createCipher(current).oldPseudonyms("4242")).toEqual([]);
  });

  it("refuses a value that was tampered with", () => {
    const cipher = createCipher(newDataKey());
    const parts = cipher.encrypt("narrative").split(":");
    parts[4] = Buffer.from("NARRATIVE").toString("base64");
    expect(() => cipher.decrypt(parts.join(":"))).toThrow();
  });

  it("npm run keygen prints a key the configuration accepts", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "src/keygen.ts"], { encoding: "utf8" });
    expect(run.status).toBe(0);
    const key = run.stdout.trim();
    expect(parseConfig({ BOT_TOKEN: "1:abcdefghijklmnopqrstuvwxyz", DATA_KEY: key }).dataKey).toBe(key);
  });
});

describe("case codes and PINs", () => {
  it("codes have no look-alike characters and survive being typed loosely", () => {
    for (let i = 0; i < 200; i++) {
      const code = newCaseCode();
      expect(code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{3}(-[ACDEFGHJKMNPQRTUVWXY34679]{3}){2}$/);
      expect(normalizeCaseCode(code.toLowerCase().replaceAll("-", " "))).toBe(code);
    }
    expect(normalizeCaseCode("K7M-4QX-9TD")).toBe("K7M-4QX-9TD");
    expect(normalizeCaseCode("KOM-4QX-9TD")).toBeUndefined();
    expect(normalizeCaseCode("K7M-4QX")).toBeUndefined();
  });

  it("PINs are 6 digits, stored only as a salted scrypt hash", async () => {
    const pin = newPin();
    expect(pin).toMatch(/^\d{6}$/);
    const [a, b] = [await hashPin(pin), await hashPin(pin)];
    expect(a).not.toBe(b);
    // Salt and key together in 64 characters, the most Redis keeps in a hash's compact form.
    expect(a).toMatch(/^[A-Za-z0-9+/]{64}$/);
    expect(a).not.toContain(pin);
    expect(await verifyPin(pin, a)).toBe(true);
    expect(await verifyPin(pin === "000000" ? "000001" : "000000", a)).toBe(false);
  });

  it("still checks a PIN against a hash of the older form, and turns it into today's", async () => {
    const pin = "123456";
    const salt = Buffer.from("0123456789abcdef");
    const key = scryptSync(pin, salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    const older = ["scrypt", 2 ** 15, 8, 1, salt.toString("base64"), key.toString("base64")].join("$");
    expect(await verifyPin(pin, older)).toBe(true);
    expect(await verifyPin("654321", older)).toBe(false);
    const compact = compactPinHash(older);
    expect(compact).toHaveLength(64);
    expect(await verifyPin(pin, compact)).toBe(true);
    // Other parameters are left as they are, and still checked.
    const cheaper = ["scrypt", 2 ** 10, 8, 1, salt.toString("base64"), scryptSync(pin, salt, 32, { N: 2 ** 10, r: 8, p: 1 }).toString("base64")].join("$");
    expect(compactPinHash(cheaper)).toBe(cheaper);
    expect(await verifyPin(pin, cheaper)).toBe(true);
    expect(await verifyPin(pin, "scrypt$fast")).toBe(false);
  });
});
