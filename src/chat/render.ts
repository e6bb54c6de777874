/**
 * The render step: degrades a platform-neutral message to what an adapter can show, instead of the adapter failing.
 * Buttons become numbered options the parser understands; long text is split to the adapter's maximum length.
 */
import type { AdapterCapabilities, MessageOption, OutboundMessage, Platform, RenderedMessage } from "./types.ts";
import type { Lang } from "../kernel/lang.ts";
import { t } from "../app/shared/texts.ts";

/** A message rendered for one adapter, in parts; `numbered` holds the replies of degraded options (1-based). */
export interface RenderResult {
  parts: RenderedMessage[];
  numbered?: string[];
}

/** Render for an adapter's capabilities; a photo goes on only to the platform it came from (`platform`). */
export function render(message: OutboundMessage, caps: AdapterCapabilities, lang: Lang, platform?: Platform): RenderResult {
  let text = message.text;
  let buttons: MessageOption[] | undefined;
  let numbered: string[] | undefined;
  if (message.options?.length) {
    if (caps.buttons) buttons = message.options;
    else {
      text += `\n${numberedOptions(message.options, lang)}`;
      numbered = message.options.map((option) => option.reply);
    }
  }
  if (message.file && !caps.files) text += `\n${t(lang).fileUnsupported(message.file.name)}`;
  const photo = message.photo && caps.photos && (platform === undefined || message.photo.platform === platform) ? message.photo : undefined;
  if (message.photo && !photo) text += `\n${t(lang).photoUnsupported}`;
  const chunks = splitText(text, caps.maxTextLength);
  const parts = chunks.map((chunk, index): RenderedMessage => {
    const part: RenderedMessage = { text: chunk };
    if (index === 0 && caps.mentions && message.mentions?.length) part.mentions = message.mentions;
    if (index === chunks.length - 1 && buttons) part.buttons = buttons;
    if (index === chunks.length - 1 && message.file && caps.files) part.file = message.file;
    if (index === chunks.length - 1 && photo) part.photo = photo;
    return part;
  });
  return numbered ? { parts, numbered } : { parts };
}

/** "请回复数字：1 接单 / 2 不方便" */
export function numberedOptions(options: MessageOption[], lang: Lang): string {
  return `${t(lang).chooseByNumber}${options.map((option, index) => `${index + 1} ${option.label}`).join(" / ")}`;
}

/** Grapheme clusters: what a reader sees as one character (👍🏽, 👨‍👩‍👧, 🇨🇳, é as e + U+0301). */
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * Split text into chunks of at most `max` UTF-16 units (what Telegram counts), preferring line breaks, then spaces,
 * then a hard cut, always between graphemes: an emoji sequence or a letter with its accents stays whole. Only a
 * grapheme longer than `max` is cut inside, between code points. Only the separator at each cut is dropped (and a
 * separator that would be alone in the last chunk).
 */
export function splitText(text: string, max: number): string[] {
  if (max < 1) throw new RangeError("max must be at least 1");
  const chunks: string[] = [];
  let start = 0;
  while (text.length - start > max) {
    const [cut, next] = cutPoint(text, start, max);
    chunks.push(text.slice(start, cut));
    start = next;
  }
  if (start < text.length || chunks.length === 0) chunks.push(text.slice(start));
  return chunks;
}

/** Where the chunk from `start` ends, and where the next begins (after a dropped separator). */
function cutPoint(text: string, start: number, max: number): [number, number] {
  // A line break is a grapheme of its own unless it ends a CR LF.
  for (let at = text.lastIndexOf("\n", start + max); at > start; at = text.lastIndexOf("\n", at - 1)) {
    if (text[at - 1] !== "\r") return [at, at + 1];
  }
  // Only the window is segmented, and only looked up at the candidates (iterating over every grapheme is slow). Its
  // boundaries up to max + 1 are exact: each depends on what precedes it (from `start`, a boundary) and on the code
  // point after it, which the window holds whole.
  const window = graphemes.segment(text.slice(start, start + max + 8));
  for (let at = text.lastIndexOf(" ", start + max); at > start; at = text.lastIndexOf(" ", at - 1)) {
    const space = window.containing(at - start)!;
    if (space.index === at - start && space.segment === " ") return [at, at + 1];
  }
  const last = window.containing(max)!.index; // the grapheme at the limit starts the next chunk
  if (last > 0) return [start + last, start + last];
  // One grapheme longer than max: cut between code points (one code point at least).
  let cut = start + max;
  if (isLowSurrogate(text.charCodeAt(cut)) && isHighSurrogate(text.charCodeAt(cut - 1))) cut -= 1;
  if (cut === start) cut = start + (text.codePointAt(start)! > 0xffff ? 2 : 1);
  return [cut, cut];
}

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;
