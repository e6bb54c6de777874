/**
 * The login QR code of puppets that need a scan: printed in the terminal (stderr, so the console chat's stdout stays
 * clean) and saved as a PNG, so it can be scanned from another screen or sent to whoever holds the phone.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import QRCode from "qrcode";

/** Print and save `value` as a QR code; returns the PNG path. */
export async function showQrCode(value: string, pngPath: string, write: (text: string) => void = (text) => process.stderr.write(text)): Promise<string> {
  write(`${await QRCode.toString(value, { type: "terminal", small: true })}\nScan with WeChat to log in (also saved as ${pngPath}).\n`);
  mkdirSync(dirname(pngPath), { recursive: true });
  await QRCode.toFile(pngPath, value, { type: "png", width: 320 });
  return pngPath;
}
