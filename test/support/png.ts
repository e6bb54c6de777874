/**
 * A tiny PNG reader for tests (resvg draws PNGs but cannot read them): the IHDR's width and height, and the pixels of
 * an 8-bit RGB or RGBA, non-interlaced image (what resvg writes), by inflating the IDAT chunks with node:zlib and
 * undoing each row's filter. No dependency.
 */
import { inflateSync } from "node:zlib";

/** A decoded PNG: size and a pixel reader. */
export interface Png {
  width: number;
  height: number;
  /** [r, g, b, a] at (x, y). */
  pixel(x: number, y: number): [number, number, number, number];
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Decode a PNG; throws on anything else (a test then fails with the reason). */
export function decodePng(bytes: Uint8Array): Png {
  const data = Buffer.from(bytes);
  if (!SIGNATURE.every((byte, index) => data[index] === byte)) throw new Error("not a PNG (bad signature)");
  let offset = 8;
  let header: { width: number; height: number; depth: number; colour: number; interlace: number } | undefined;
  const idat: Buffer[] = [];
  while (offset < data.length) {
    const length = data.readUInt32BE(offset);
    const type = data.toString("latin1", offset + 4, offset + 8);
    const body = data.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), depth: body[8]!, colour: body[9]!, interlace: body[12]! };
    if (type === "IDAT") idat.push(body);
    if (type === "IEND") break;
    offset += 12 + length;
  }
  if (!header) throw new Error("PNG without IHDR");
  if (header.depth !== 8 || (header.colour !== 6 && header.colour !== 2) || header.interlace !== 0) throw new Error(`unsupported PNG: depth ${header.depth}, colour type ${header.colour}`);
  const channels = header.colour === 6 ? 4 : 3;
  const stride = header.width * channels;
  const raw = inflateSync(Buffer.concat(idat));
  const pixels = Buffer.alloc(stride * header.height);
  for (let y = 0; y < header.height; y += 1) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x += 1) {
      const left = x >= channels ? pixels[y * stride + x - channels]! : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const upLeft = y > 0 && x >= channels ? pixels[(y - 1) * stride + x - channels]! : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter];
      if (predictor === undefined) throw new Error(`bad PNG filter ${filter}`);
      pixels[y * stride + x] = (line[x]! + predictor) & 0xff;
    }
  }
  return {
    width: header.width,
    height: header.height,
    pixel(x, y) {
      const at = y * stride + x * channels;
      return [pixels[at]!, pixels[at + 1]!, pixels[at + 2]!, channels === 4 ? pixels[at + 3]! : 255];
    },
  };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}
