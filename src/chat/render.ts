/**
 * The render step: degrades a platform-neutral message to what an adapter can show, instead of the adapter failing.
 * Buttons become numbered options the parser understands; long text is split to the adapter's maximum length.
 */
import type { AdapterCapabilities, MessageOption, OutboundMessage, RenderedMessage } from "./types.ts";
import type { Lang } from "../kernel/lang.ts";
import { t } from "../app/shared/texts.ts";

/** A message rendered for one adapter, in parts; `numbered` holds the replies of degraded options (1-based). */
export interface RenderResult {
  parts: RenderedMessage[];
  numbered?: string[];
}

/** Render for an adapter's capabilities. */
export function render(message: OutboundMessage, caps: AdapterCapabilities, lang: Lang): RenderResult {
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
  const chunks = splitText(text, caps.maxTextLength);
  const parts = chunks.map((chunk, index): RenderedMessage => {
    const part: RenderedMessage = { text: chunk };
    if (index === 0 && caps.mentions && message.mentions?.length) part.mentions = message.mentions;
    if (index === chunks.length - 1 && buttons) part.buttons = buttons;
    if (index === chunks.length - 1 && message.file && caps.files) part.file = message.file;
    return part;
  });
  return numbered ? { parts, numbered } : { parts };
}

/** "请回复数字：1 接单 / 2 不方便" */
export function numberedOptions(options: MessageOption[], lang: Lang): string {
  return `${t(lang).chooseByNumber}${options.map((option, index) => `${index + 1} ${option.label}`).join(" / ")}`;
}

/**
 * Split text into chunks of at most `max` characters (code points), preferring line breaks, then spaces,
 * then a hard cut. Only the separator at each cut is dropped (and a separator that would be alone in the last chunk).
 */
export function splitText(text: string, max: number): string[] {
  if (max < 1) throw new RangeError("max must be at least 1");
  const chunks: string[] = [];
  let rest = [...text];
  while (rest.length > max) {
    const window = rest.slice(0, max + 1).join("");
    let cut = window.lastIndexOf("\n");
    if (cut <= 0) cut = window.lastIndexOf(" ");
    if (cut <= 0) {
      chunks.push(rest.slice(0, max).join(""));
      rest = rest.slice(max);
      continue;
    }
    const head = [...window.slice(0, cut)];
    chunks.push(head.join(""));
    rest = rest.slice(head.length + 1);
  }
  if (rest.length > 0 || chunks.length === 0) chunks.push(rest.join(""));
  return chunks;
}
