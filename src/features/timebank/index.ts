/** What the time-bank feature offers other features. */
export { askToConfirm } from "./settle-credit.ts";
export { balanceQuery } from "./accounts.ts";
