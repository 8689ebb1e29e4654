import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from "node:crypto";
import { brotliCompressSync, brotliDecompressSync, constants, inflateRawSync } from "node:zlib";

/**
 * Encryption at rest for complaint content: AES-256-GCM under DATA_KEY. Every value carries the id of the
 * key that sealed it, so a new DATA_KEY can be introduced while old values stay readable through
 * DATA_KEYS_OLD until they are rewritten or withdrawn.
 */
export interface Cipher {
  encrypt(plain: string): string;
  /**
   * The same, compressed before sealing: for what is kept for long and read rarely (a case's account, an
   * addition), where the space saved is worth the few tens of microseconds. decrypt() reads either.
   */
  encryptCompressed(plain: string): string;
  /** The same as raw bytes instead of text: a quarter smaller, for what is kept in a key of its own. */
  encryptCompressedBytes(plain: string): Buffer;
  /** Reads any of them: text as made by encrypt() or encryptCompressed(), or bytes as made above. */
  decrypt(sealed: string | Buffer): string;
  /** A keyed hash, for index keys that must not reveal a Telegram user id to someone reading Redis. */
  pseudonym(value: string): string;
  /** The same value's pseudonyms under the old keys, for index entries made before a rotation. */
  oldPseudonyms(value: string): string[];
}

const FORMAT = "v1";
// Compressed before sealing. Compression before encryption can give away how well a text compresses, which
// matters where an attacker can mix their own text into a secret one and watch the sizes (CRIME); a
// report's account is written by its reporter alone, and its length shows anyway. "z1" (deflate) is what
// earlier versions wrote; "b1" (brotli, whose built-in dictionary suits short texts) takes a fifth less.
const DEFLATED = "z1";
const COMPRESSED = "b1";
const inflate: Record<string, (body: Buffer) => Buffer> = { [DEFLATED]: inflateRawSync, [COMPRESSED]: brotliDecompressSync };
// Quality 10 with a 64 KB window: within 2% of the smallest, at under a millisecond for an account (11 takes twice as long).
const BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: 10, [constants.BROTLI_PARAM_LGWIN]: 16, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } };
const compress = (plain: string) => brotliCompressSync(Buffer.from(plain, "utf8"), BROTLI);
// A compressed format's sealing, its parts as raw bytes after the format's mark: key id (4), IV (12), tag (16), body.
const MARKS: Record<string, Buffer> = { [DEFLATED]: Buffer.from([0x5a, 0x01]), [COMPRESSED]: Buffer.from([0x62, 0x01]) };
const formatMarked = (sealed: Buffer) => Object.keys(MARKS).find((format) => sealed.subarray(0, 2).equals(MARKS[format]!));

/** A value of a compressed format written as text, as raw bytes, without opening it; any other is given back. */
export function compressedToBytes(sealed: string): string | Buffer {
  const [format, id, iv, tag, body] = sealed.split(":");
  const mark = format === undefined ? undefined : MARKS[format];
  if (!mark || id === undefined || iv === undefined || tag === undefined || body === undefined) return sealed;
  return Buffer.concat([mark, Buffer.from(id, "hex"), Buffer.from(iv, "base64"), Buffer.from(tag, "base64"), Buffer.from(body, "base64")]);
}

// Every update is sealed on its way in, and asking the system for 12 random bytes each time costs more
// than the encryption; random IVs are taken from a block drawn at once.
const IV_BYTES = 12;
let ivs = Buffer.alloc(0);
function nextIv(): Buffer {
  if (ivs.length < IV_BYTES) ivs = randomBytes(IV_BYTES * 1024);
  const iv = ivs.subarray(0, IV_BYTES);
  ivs = ivs.subarray(IV_BYTES);
  return iv;
}
const keyId = (key: Buffer) => createHash("sha256").update(key).digest("hex").slice(0, 8);

export function createCipher(currentKey: string, oldKeys: readonly string[] = []): Cipher {
  const current = Buffer.from(currentKey, "base64");
  const keys = new Map([current, ...oldKeys.map((key) => Buffer.from(key, "base64"))].map((key) => [keyId(key), key]));
  const currentId = keyId(current);
  const old = [...keys].filter(([id]) => id !== currentId).map(([, key]) => key);
  const hmac = (key: Buffer, value: string) => createHmac("sha256", key).update(value).digest("base64url").slice(0, 22);
  // Every update needs its sender's pseudonym several times (session, trail, limits); an HMAC costs a few
  // microseconds, so recent ones are kept in memory (never in Redis), up to a bound.
  const recent = new Map<string, string>();
  const pseudonym = (value: string) => {
    let known = recent.get(value);
    if (known === undefined) {
      if (recent.size >= 100_000) recent.clear();
      recent.set(value, (known = hmac(current, value)));
    }
    return known;
  };
  const seal = (format: string, plain: Buffer) => {
    const iv = nextIv();
    const cipher = createCipheriv("aes-256-gcm", current, iv);
    // The newer format is authenticated along with the text, so a value cannot be passed off as the other.
    if (format !== FORMAT) cipher.setAAD(Buffer.from(format));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return { iv, tag: cipher.getAuthTag(), body };
  };
  const asText = (format: string, { iv, tag, body }: ReturnType<typeof seal>) =>
    [format, currentId, iv.toString("base64"), tag.toString("base64"), body.toString("base64")].join(":");
  const open = (format: string, id: string, iv: Buffer, tag: Buffer, body: Buffer) => {
    const key = keys.get(id);
    if (!key) throw new Error(`cannot decrypt a value sealed with key ${id}`);
    const decipher = createDecipheriv("aes-256-gcm", key, iv);
    decipher.setAuthTag(tag);
    if (format !== FORMAT) decipher.setAAD(Buffer.from(format));
    const opened = Buffer.concat([decipher.update(body), decipher.final()]);
    return (inflate[format]?.(opened) ?? opened).toString("utf8");
  };
  return {
    encrypt: (plain) => asText(FORMAT, seal(FORMAT, Buffer.from(plain, "utf8"))),
    encryptCompressed: (plain) => asText(COMPRESSED, seal(COMPRESSED, compress(plain))),
    encryptCompressedBytes(plain) {
      const { iv, tag, body } = seal(COMPRESSED, compress(plain));
      return Buffer.concat([MARKS[COMPRESSED]!, Buffer.from(currentId, "hex"), iv, tag, body]);
    },
    decrypt(sealed) {
      // Bytes read from Redis may still hold one of the text formats.
      const marked = Buffer.isBuffer(sealed) ? formatMarked(sealed) : undefined;
      if (Buffer.isBuffer(sealed) && marked) {
        return open(marked, sealed.subarray(2, 6).toString("hex"), sealed.subarray(6, 18), sealed.subarray(18, 34), sealed.subarray(34));
      }
      const [format, id, iv, tag, body] = String(sealed).split(":");
      if (format === undefined || (format !== FORMAT && !inflate[format]) || id === undefined || !iv || !tag || body === undefined) throw new Error(`cannot decrypt a value sealed with key ${id ?? "?"}`);
      return open(format, id, Buffer.from(iv, "base64"), Buffer.from(tag, "base64"), Buffer.from(body, "base64"));
    },
    pseudonym,
    oldPseudonyms: (value) => old.map((key) => hmac(key, value)),
  };
}

export const newDataKey = () => randomBytes(32).toString("base64");
