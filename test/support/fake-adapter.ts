/** A scriptable chat adapter for tests: records what it is asked to send and answers with queued results. */
import type {
  AdapterCapabilities,
  ChatAdapter,
  InboundHandler,
  Platform,
  RenderedMessage,
  SendResult,
} from "../../src/chat/types.ts";
import { watchGroupMessages } from "./privacy-watch.ts";
import { privateChatId } from "../../adapters/console/console-adapter.ts";

/** One recorded send. */
export interface Sent {
  to: "chat" | "user";
  id: string;
  message: RenderedMessage;
}

/** Capabilities of a plain-text platform with private messages and mentions, with `overrides`. */
export function capabilities(overrides: Partial<AdapterCapabilities> = {}): AdapterCapabilities {
  return {
    buttons: false,
    privateToNonContacts: true,
    mentions: true,
    edits: false,
    files: false,
    photos: false,
    maxTextLength: 4096,
    format: "plain",
    ...overrides,
  };
}

/** A fake adapter; `results` are answered in order, then `{ ok: true }`. */
export class FakeAdapter implements ChatAdapter {
  readonly sent: Sent[] = [];
  readonly attempts: Sent[] = [];
  readonly results: Array<SendResult | ((sent: Sent) => SendResult)> = [];
  readonly capabilities: AdapterCapabilities;
  onMessage: InboundHandler | undefined;

  constructor(readonly platform: Platform = "console", overrides: Partial<AdapterCapabilities> = {}) {
    this.capabilities = capabilities(overrides);
    // What it sent to chats is scanned for private details after each test (a chat the database knows as private is
    // skipped, and so is a console private chat, known by its id, whose row a test may have rolled back).
    const isPrivate = (chatId: string) => platform === "console" && chatId.startsWith(privateChatId(""));
    watchGroupMessages(`fake ${platform} adapter`, () =>
      this.sent.flatMap((sent) => (sent.to === "chat" ? [{ chat: sent.id, text: sent.message.text, ...(isPrivate(sent.id) ? { group: false } : {}) }] : [])),
    );
  }

  async start(onMessage: InboundHandler): Promise<void> {
    this.onMessage = onMessage;
  }

  async stop(): Promise<void> {
    this.onMessage = undefined;
  }

  send(chatId: string, message: RenderedMessage): Promise<SendResult> {
    return this.#answer({ to: "chat", id: chatId, message });
  }

  sendPrivate(userId: string, message: RenderedMessage): Promise<SendResult> {
    return this.#answer({ to: "user", id: userId, message });
  }

  /** Texts sent, in order. */
  texts(): string[] {
    return this.sent.map((sent) => sent.message.text);
  }

  async #answer(sent: Sent): Promise<SendResult> {
    this.attempts.push(sent);
    const next = this.results.shift();
    const result = typeof next === "function" ? next(sent) : (next ?? { ok: true });
    if (result.ok) this.sent.push(sent);
    return result;
  }
}
