/**
 * How long a certificate card takes to draw and how large it is: `npx tsx bench/certificate.ts [runs]` prints JSON
 * (median and slowest ms, bytes, per language). Draws with the configured font (CERTIFICATE_FONT) into a temp folder.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../src/config.ts";
import { ResvgPictures } from "../src/infra/pictures.ts";
import { CERTIFICATE_FONT_FAMILY } from "../src/features/recognition/index.ts";
import { certificateSvg } from "../src/features/recognition/domain/certificate.ts";
import type { Lang } from "../src/kernel/lang.ts";

const runs = Number(process.argv[2] ?? 10);
const dir = mkdtempSync(join(tmpdir(), "linli-bench-certificate-"));
const pictures = new ResvgPictures({ fontFile: loadConfig().pictures.fontFile, fontFamily: CERTIFICATE_FONT_FAMILY, dir });
const figures: Record<string, { median_ms: number; max_ms: number; bytes: number }> = {};
try {
  for (const lang of ["zh-CN", "en"] as Lang[]) {
    const times: number[] = [];
    let bytes = 0;
    for (let run = 0; run < runs; run += 1) {
      const svg = certificateSvg({ community: "幸福里社区", name: lang === "en" ? "Emma Thompson" : "王秀英", hours: "12.5", date: "2026-12-01", lang });
      const started = performance.now();
      const file = await pictures.draw({ name: "certificate.png", svg, fallback: "" }, `${lang}-${run}`);
      times.push(performance.now() - started);
      if (!file) throw new Error(`no font at ${loadConfig().pictures.fontFile}`);
      bytes = file.bytes.length;
    }
    times.sort((a, b) => a - b);
    figures[lang] = { median_ms: Math.round(times[Math.floor(times.length / 2)]!), max_ms: Math.round(times.at(-1)!), bytes };
  }
  console.log(JSON.stringify({ runs, ...figures }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
