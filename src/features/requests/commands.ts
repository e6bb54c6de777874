/** The commands of help requests: taking, declining, acknowledging an alert, closing, keeping and listing requests. */
import type { RequestSettings } from "./domain/policy.ts";
import { command } from "../../app/shared/command.ts";
import { acceptRequest, declineRequest } from "./answer-ping.ts";
import { cancelCommand, doneCommand, keepCommand } from "./close-request.ts";
import { listRequestsCommand } from "./list-requests.ts";

export const requestCommands = (settings: RequestSettings) => [
  command({
    name: "accept",
    zh: "接单",
    aliases: ["我来"],
    handler: acceptRequest,
    help: { line: "volunteers", order: 1, zh: { example: "12" }, en: { example: "12" } },
  }),
  command({
    name: "decline",
    zh: "不方便",
    aliases: ["婉拒"],
    handler: declineRequest(settings),
    help: { line: "volunteers", order: 2, zh: { example: "12" }, en: { example: "12" } },
  }),
  command({
    name: "ack",
    zh: "收到",
    aliases: ["我去"],
    handler: acceptRequest,
    help: {
      line: "volunteers",
      order: 4,
      zh: { joiner: "；", before: "紧急情况直接喊“救命”，收到警报回 ", example: "12" },
      en: { joiner: "; ", before: 'in an emergency just shout "help!"; answer alerts with ', example: "12" },
    },
  }),
  command({
    name: "done",
    zh: "完成",
    aliases: ["已完成", "好了"],
    handler: doneCommand,
    help: { line: "requests", order: 1, zh: { before: "办好了说“好了，谢谢”或 ", example: "12" }, en: { before: 'when it\'s done say "done, thanks" or ', example: "12" } },
    menu: { order: 8, zh: "求助已完成", en: "Mark a request done" },
  }),
  command({
    name: "cancel",
    zh: "取消求助",
    aliases: ["撤回"],
    handler: cancelCommand,
    help: { line: "requests", order: 2, zh: { before: "不需要了 ", example: "12" }, en: { example: "12" } },
  }),
  command({ name: "keep", zh: "继续", aliases: ["不取消"], handler: keepCommand }),
  command({
    name: "requests",
    zh: "我的求助",
    aliases: ["求助列表"],
    handler: listRequestsCommand,
    help: { line: "requests", order: 3, zh: { before: "查看 " }, en: { after: " lists yours" } },
    menu: { order: 4, zh: "我的求助", en: "Your open requests" },
  }),
];
