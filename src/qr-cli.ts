/**
 * npm run qr -- --bot <bot_username> [--out qr]: QR codes of every rights topic's deep link, for posters
 * and leaflets.
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { writeQrCodes } from "./qr.js";

const USAGE = "usage: npm run qr -- --bot <bot_username> [--out <folder>]   (the username BotFather gave, without @)";

const { values } = parseArgs({ options: { bot: { type: "string" }, out: { type: "string", default: "qr" } } });
const bot = values.bot?.replace(/^@/, "");
if (!bot || !/^[A-Za-z][A-Za-z0-9_]{3,31}$/.test(bot)) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}
const outDir = resolve(values.out);
const files = await writeQrCodes(bot, outDir);
process.stdout.write(`wrote ${files.length} files to ${outDir}\n`);
