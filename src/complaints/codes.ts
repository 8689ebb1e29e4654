import { randomInt, scrypt, timingSafeEqual, randomBytes, type BinaryLike, type ScryptOptions } from "node:crypto";

// No look-alikes: no 0/O, 1/I/L, 2/Z, 5/S, 8/B, so a code read aloud or copied by hand stays right.
const ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";

/** A case code like K7M-4QX-9TD: 25^9 (about 3.8 × 10^12) possibilities. */
export function newCaseCode(): string {
  const chars = Array.from({ length: 9 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [0, 3, 6].map((start) => chars.slice(start, start + 3).join("")).join("-");
}

// Cyrillic capitals drawn like Latin ones: a code copied on a Cyrillic keyboard reads the same to the eye.
const LOOK_ALIKES: Record<string, string> = { А: "A", В: "B", Е: "E", К: "K", М: "M", Н: "H", О: "O", Р: "P", С: "C", Т: "T", У: "Y", Х: "X" };

/** The letters and digits typed, in upper case, look-alike Cyrillic read as Latin; spaces and dashes dropped. */
const typedChars = (input: string) =>
  [...input.toUpperCase()].map((char) => LOOK_ALIKES[char] ?? char).filter((char) => /[\p{L}\p{N}]/u.test(char));

/** Accepts what people type: lower case, spaces, other dashes, Cyrillic look-alikes. Undefined when it cannot be a code. */
export function normalizeCaseCode(input: string): string | undefined {
  const chars = typedChars(input).join("");
  if (chars.length !== 9 || [...chars].some((char) => !ALPHABET.includes(char))) return undefined;
  return `${chars.slice(0, 3)}-${chars.slice(3, 6)}-${chars.slice(6)}`;
}

/**
 * For a text made like a code (nine Latin letters and digits) that is not one: the characters no code has
 * (0, O, 1, I…), each once. Empty for anything else, which is not worth taking apart.
 */
export function foreignCodeChars(input: string): string[] {
  const chars = typedChars(input);
  if (chars.length !== 9 || chars.some((char) => !/[A-Z0-9]/.test(char))) return [];
  return [...new Set(chars.filter((char) => !ALPHABET.includes(char)))];
}

export const newPin = () => String(randomInt(1_000_000)).padStart(6, "0");

// scrypt with N = 2^15 takes tens of milliseconds: cheap for one check, slow for guessing a million PINs
// from a copy of the database.
const PARAMS = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

function derive(pin: BinaryLike, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(pin, salt, 32, options, (err, key) => (err ? reject(err) : resolve(key))));
}

// A PIN hash is kept as the salt and the derived key together, 48 bytes as 64 characters of base64, so
// that no value of the case's hash is over the 64 bytes Redis keeps in its compact form. Hashes made
// before name their scheme and parameters: "scrypt$N$r$p$salt$key".
const SALT_BYTES = 16;

export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  return Buffer.concat([salt, await derive(pin, salt, PARAMS)]).toString("base64");
}

/** An older hash made with today's parameters, in today's form; any other is given back as it is. */
export function compactPinHash(stored: string): string {
  const [scheme, N, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || Number(N) !== PARAMS.N || Number(r) !== PARAMS.r || Number(p) !== PARAMS.p || !salt || !key) return stored;
  const bytes = Buffer.concat([Buffer.from(salt, "base64"), Buffer.from(key, "base64")]);
  return bytes.length === SALT_BYTES + 32 ? bytes.toString("base64") : stored;
}

/**
 * Checked instead when a case code does not exist, so a missing code costs the same scrypt work as a wrong
 * PIN and the time of the answer does not tell whether the code exists. No PIN derives this key.
 */
export const DUMMY_PIN_HASH = Buffer.from("ukuk-bot-dummy!!dummy key that no PIN derives !!").toString("base64");

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [salt, expected, options] = stored.includes("$") ? olderHash(stored) : [Buffer.from(stored, "base64").subarray(0, SALT_BYTES), Buffer.from(stored, "base64").subarray(SALT_BYTES), PARAMS];
  if (salt.length === 0 || expected.length === 0) return false;
  const actual = await derive(pin, salt, options);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function olderHash(stored: string): [Buffer, Buffer, ScryptOptions] {
  const [scheme, N, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !key) return [Buffer.alloc(0), Buffer.alloc(0), PARAMS];
  return [Buffer.from(salt, "base64"), Buffer.from(key, "base64"), { N: Number(N), r: Number(r), p: Number(p), maxmem: PARAMS.maxmem }];
}
