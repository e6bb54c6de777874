/** A resident's own data: seeing it (`/mydata`) and having it erased (`/forgetme`). */
import type { RequestSettings } from "../requests/domain/policy.ts";
import { command } from "../../app/shared/command.ts";
import { myDataCommand } from "./my-data.ts";
import { forgetMeCommand } from "./forget-me.ts";

/** The privacy commands (forgetting hands requests back, so it needs the request settings for the next wave). */
export function privacyCommands(settings: RequestSettings) {
  return [
    command({
      name: "mydata",
      zh: "我的数据",
      aliases: ["我的信息"],
      handler: myDataCommand,
      help: { line: "phone", order: 3, zh: { before: "您的数据：" }, en: { before: "your data: " } },
      menu: { order: 16, zh: "私信查看我保存的您的信息", en: "Everything I hold about you (private)" },
    }),
    command({
      name: "forgetme",
      zh: "删除我的数据",
      aliases: ["删除数据", "forget_me"],
      handler: forgetMeCommand(settings),
      help: { line: "phone", order: 4, zh: { joiner: "、" }, en: { joiner: ", " } },
      menu: { order: 17, zh: "删除我的数据", en: "Erase your data" },
    }),
  ];
}
