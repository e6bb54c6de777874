/**
 * `/报平安 …` (`/checkin …`): start (for oneself, for someone, with contacts), stop, pause, resume, check in for
 * oneself or for someone, and the options of the daily question and of the ladder. Works privately: from a group,
 * the group hears only that the answer was sent privately.
 */
import type { CheckinSettings } from "./flow.ts";
import type { RequestSettings } from "../requests/domain/policy.ts";
import { command } from "../../app/shared/command.ts";
import { readCheckinArgs } from "./domain/words.ts";
import { enrol, pause, resume, setTime, status, stop } from "./enrol.ts";
import { answerOption, checkInFor, checkInSelf } from "./answer.ts";

export const checkinCommands = (settings: CheckinSettings, requests: RequestSettings) => [
  command({
    name: "checkin",
    zh: "报平安",
    aliases: ["每日报平安"],
    handler: async (context, repos, args) => {
      const read = readCheckinArgs(args);
      switch (read.kind) {
        case "status":
          return status(context, repos);
        case "on":
          return enrol(context, repos, settings, read.name, read.contacts);
        case "off":
          return stop(context, repos, read.name);
        case "pause":
          return pause(context, repos, read.rest);
        case "resume":
          return resume(context, repos);
        case "time":
          return setTime(context, repos, read.name, read.minute);
        case "fine":
          return read.name ? checkInFor(context, repos, read.name) : checkInSelf(context, repos);
        case "option":
          return answerOption(context, repos, settings, read.action, read.personId, requests);
      }
    },
    help: { line: "requests", order: 7, zh: { joiner: "；", before: "独居老人每天报个平安：", example: "开启" }, en: { joiner: "; ", before: "living alone? a daily check-in: ", example: "on" } },
    menu: { order: 20, zh: "每日报平安", en: "Daily check-in" },
  }),
];
