/**
 * Drawing the pictures the bot makes (certificate cards): an SVG to PNG with resvg, given the CJK font file explicitly
 * (no system fonts: the same picture on every machine), saved under the data folder so a retry sends the same file and
 * the console can show where it is. Called by the outbox dispatcher when it sends, never inside a transaction.
 * Without the font file the picture cannot be made: `draw` answers null and the message says so politely.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { renderAsync } from "@resvg/resvg-js";
import type { OutboundPicture, PictureFile } from "../chat/types.ts";

/** Draws pictures for the dispatcher. */
export interface Pictures {
  /** The picture as a PNG file (`key` names it uniquely: the outbox row), or null when it cannot be made here. */
  draw(picture: OutboundPicture, key: string): Promise<PictureFile | null>;
}

/** Where the font is and where pictures are kept. */
export interface PictureOptions {
  fontFile: string;
  fontFamily: string;
  dir: string;
}

/** Pictures drawn with resvg. */
export class ResvgPictures implements Pictures {
  constructor(private readonly options: PictureOptions) {}

  async draw(picture: OutboundPicture, key: string): Promise<PictureFile | null> {
    if (!existsSync(this.options.fontFile)) return null;
    const path = join(this.options.dir, `${key.replace(/[^\w-]/gu, "_")}-${basename(picture.name).replace(/[^\w.-]/gu, "_")}`);
    const bytes = existsSync(path) ? await readFile(path) : await this.#render(picture.svg, path);
    return { name: picture.name, mime: "image/png", bytes: new Uint8Array(bytes), path };
  }

  async #render(svg: string, path: string): Promise<Buffer> {
    const image = await renderAsync(svg, {
      font: { fontFiles: [this.options.fontFile], loadSystemFonts: false, defaultFontFamily: this.options.fontFamily },
      logLevel: "off",
    });
    const png = image.asPng();
    await mkdir(this.options.dir, { recursive: true });
    // Written aside, then renamed: a crash mid-write never leaves a cut file for the retry to send.
    await writeFile(`${path}.part`, png);
    await rename(`${path}.part`, path);
    return png;
  }
}
