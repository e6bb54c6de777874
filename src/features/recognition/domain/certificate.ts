/**
 * The certificate card as an SVG (1200x800): the community's name, the person's name, their confirmed hours, a
 * thank-you and the date, in Chinese or English. Pure: drawing it to PNG happens later, outside any transaction (the
 * outbox dispatcher renders it when it sends). Every text is escaped: a name is whatever the person typed.
 */
import type { Lang } from "../../../kernel/lang.ts";

/** The font family the card asks for (the CJK font the renderer is given: WenQuanYi Micro Hei). */
export const CERTIFICATE_FONT_FAMILY = "WenQuanYi Micro Hei";
export const CERTIFICATE_WIDTH = 1200;
export const CERTIFICATE_HEIGHT = 800;
/** The card's background colour (a test checks a pixel of it). */
export const CERTIFICATE_BACKGROUND = "#fff8e7";

/** What a certificate says. */
export interface CertificateInput {
  community: string;
  name: string;
  /** Confirmed hours, as shown ("12.5"). */
  hours: string;
  /** The local date, YYYY-MM-DD. */
  date: string;
  lang: Lang;
}

/** Escape text for SVG (XML) content and attributes. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/gu, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[char]!);
}

/** At most `max` characters (graphemes are not split for the CJK and Latin names this holds), with an ellipsis. */
const clip = (text: string, max: number): string => {
  const chars = [...[...text].map((char) => (char.charCodeAt(0) < 32 || char === "\u007f" ? " " : char)).join("").trim()];
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : chars.join("");
};

/** The SVG of a certificate card. */
export function certificateSvg(input: CertificateInput): string {
  const zh = input.lang !== "en";
  const [y, m, d] = input.date.split("-");
  const lines = zh
    ? { title: "邻里互助荣誉证书", to: `${clip(input.name, 16)} 邻居：`, body: `感谢您在${clip(input.community, 20)}累计志愿服务 ${input.hours} 小时。`, thanks: "远亲不如近邻，谢谢您的每一次搭把手！", date: `${y}年${Number(m)}月${Number(d)}日` }
    : { title: "Certificate of Neighbourly Help", to: `Dear ${clip(input.name, 24)},`, body: `Thank you for ${input.hours} hours of confirmed help in ${clip(input.community, 28)}.`, thanks: "Every helping hand makes us a community. Thank you!", date: input.date };
  const text = (x: number, yAt: number, size: number, content: string, extra = "") =>
    `<text x="${x}" y="${yAt}" font-size="${size}" text-anchor="middle"${extra}>${escapeXml(content)}</text>`;
  const footer = zh ? `${clip(input.community, 20)} · ${lines.date}` : `${clip(input.community, 28)} · ${lines.date}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CERTIFICATE_WIDTH}" height="${CERTIFICATE_HEIGHT}" viewBox="0 0 ${CERTIFICATE_WIDTH} ${CERTIFICATE_HEIGHT}">`,
    `<rect width="100%" height="100%" fill="${CERTIFICATE_BACKGROUND}"/>`,
    `<rect x="30" y="30" width="1140" height="740" fill="none" stroke="#c0392b" stroke-width="8"/>`,
    `<rect x="50" y="50" width="1100" height="700" fill="none" stroke="#d4a017" stroke-width="3"/>`,
    `<g font-family="${CERTIFICATE_FONT_FAMILY}" fill="#3b2a1a">`,
    text(600, 190, 64, lines.title, ' fill="#c0392b"'),
    text(600, 330, 44, lines.to),
    text(600, 430, 36, lines.body),
    text(600, 510, 32, lines.thanks),
    text(600, 680, 28, footer, ' fill="#6b5a4a"'),
    `</g>`,
    `</svg>`,
  ].join("");
}
