import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { showQrCode } from "../../adapters/wechat/qr-code.ts";

describe("the WeChat login QR code", () => {
  it("prints it in the terminal and saves it as a PNG", async () => {
    const dir = mkdtempSync(join(tmpdir(), "linli-qr-"));
    try {
      let printed = "";
      const path = await showQrCode("https://login.weixin.qq.com/l/abc123", join(dir, "sub", "login.png"), (text) => (printed += text));
      expect(printed).toMatch(/[▀▄█]/u); // block characters: a QR code
      expect(printed).toContain(`also saved as ${path}`);
      expect(readFileSync(path).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])); // PNG signature
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
