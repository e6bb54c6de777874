/** The commands of guardian mode: `/代管` (`/guardian`) and `/代办` (`/on_behalf`). */
import type { RequestSettings } from "../requests/domain/policy.ts";
import { command } from "../../app/shared/command.ts";
import { guardianCommand } from "./register-ward.ts";
import { actOnBehalf } from "./act-on-behalf.ts";

export const guardianCommands = (settings: RequestSettings) => [
  command({
    name: "guardian",
    zh: "代管",
    who: "coordinator",
    handler: (context, repos, args) => guardianCommand(context, repos, args),
    help: { line: "admin", order: 6.1, zh: { example: "赵奶奶 9栋806", after: " 代管没有手机的老人" }, en: { example: "Mrs-Li 9-806", after: " acts for an elder with no phone" } },
  }),
  command({
    name: "on_behalf",
    zh: "代办",
    handler: (context, repos, args) => actOnBehalf(context, repos, settings, args),
    help: { line: "admin", order: 6.2, zh: { example: "赵奶奶 明天上午陪去医院" }, en: { example: "Mrs-Li hospital visit tomorrow" } },
  }),
];
