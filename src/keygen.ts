/** npm run keygen: prints a new DATA_KEY (32 random bytes, base64). */
import { newDataKey } from "./crypto.js";

process.stdout.write(`${newDataKey()}\n`);
