import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import QRCode from "qrcode";
import { TOPICS } from "./rights/topics.js";

export const deepLink = (bot: string, topicId: string) => `https://t.me/${bot}?start=${topicId}`;

// Error correction level Q survives a quarter of the code being smudged or torn, which posters need.
const OPTIONS = { errorCorrectionLevel: "Q", margin: 4 } as const;

/**
 * A QR code (PNG for print, SVG for design tools) for each rights topic's deep link,
 * t.me/<bot>?start=<topic-id>, plus links.txt listing every link with its topic.
 */
export async function writeQrCodes(bot: string, outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const topic of TOPICS) {
    const link = deepLink(bot, topic.id);
    const png = join(outDir, `${topic.id}.png`);
    const svg = join(outDir, `${topic.id}.svg`);
    await QRCode.toFile(png, link, { ...OPTIONS, type: "png", width: 1024 });
    writeFileSync(svg, await QRCode.toString(link, { ...OPTIONS, type: "svg" }));
    written.push(png, svg);
  }
  const links = join(outDir, "links.txt");
  writeFileSync(links, TOPICS.map((topic) => `${topic.id}\t${deepLink(bot, topic.id)}\n`).join(""));
  return [...written, links];
}
