/**
 * Telegram's sending limits, kept before a send rather than learned from 429s: about one message a second per chat,
 * 20 a minute per group, 30 a second overall (Bot FAQ). A send that would break one is not made: the adapter answers
 * "rate-limited" with the wait, and the outbox retries then, keeping order.
 */

/** The limits. */
export interface PaceLimits {
  perChatPerSecond: number;
  perGroupPerMinute: number;
  overallPerSecond: number;
}

/** Telegram's published limits. */
export const TELEGRAM_LIMITS: PaceLimits = { perChatPerSecond: 1, perGroupPerMinute: 20, overallPerSecond: 30 };

/** Sliding windows of recent sends. */
export class Pacer {
  readonly #chats = new Map<string, number[]>();
  readonly #all: number[] = [];

  constructor(private readonly limits: PaceLimits = TELEGRAM_LIMITS, private readonly now: () => number = Date.now) {}

  /** Milliseconds to wait before sending to `chatId` (0: send now, and the send is counted). */
  reserve(chatId: string, group: boolean): number {
    const now = this.now();
    const chat = prune(this.#chats.get(chatId) ?? [], now - 60_000);
    prune(this.#all, now - 1000);
    const waits = [
      waitFor(chat.filter((at) => at > now - 1000), this.limits.perChatPerSecond, 1000, now),
      group ? waitFor(chat, this.limits.perGroupPerMinute, 60_000, now) : 0,
      waitFor(this.#all, this.limits.overallPerSecond, 1000, now),
    ];
    const wait = Math.max(...waits);
    if (wait === 0) {
      chat.push(now);
      this.#all.push(now);
    }
    this.#chats.set(chatId, chat);
    return wait;
  }
}

function prune(times: number[], after: number): number[] {
  while (times.length && times[0]! <= after) times.shift();
  return times;
}

/** The wait until one of `times` leaves the window, when `limit` sends are already in it. */
function waitFor(times: number[], limit: number, window: number, now: number): number {
  if (times.length < limit) return 0;
  return Math.max(1, times[times.length - limit]! + window - now);
}
