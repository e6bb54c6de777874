/** The community's commands: where one lives, binding groups, grids and captains, volunteering, the contact card. */
import { command } from "../../app/shared/command.ts";
import { t } from "../../app/shared/texts.ts";
import { buildingKeyOf } from "../../kernel/place.ts";
import { placeToRegister, registerResidenceCommand } from "./register-residence.ts";
import { assignCaptain, assignGrid, bindChat, bindInterest, captainAssignment, gridAssignment } from "./community-setup.ts";
import { setAvailability, setQuietHours, volunteerCommand } from "./volunteering.ts";
import { phoneNumber, registerPhone, setDailyLimit, showContactCard } from "./contact-card.ts";

export const communityCommands = [
  command({
    name: "register",
    zh: "登记",
    aliases: ["注册", "住址"],
    args: { read: placeToRegister, usage: (lang) => t(lang).registerHowTo },
    handler: registerResidenceCommand,
    help: { line: "basics", order: 2, zh: { example: "3-806", after: " — 登记住址（只有网格长和协调员能看到）" }, en: { example: "3-806", after: " — register where you live (only grid captains and coordinators can see it)" } },
    menu: { order: 2, zh: "登记住址（只有网格长和协调员能看到）", en: "Register where you live (private)" },
  }),
  command({
    name: "bind",
    zh: "绑定",
    aliases: ["本群楼栋"],
    where: "group",
    who: "groupAdmin",
    args: { read: (args) => buildingKeyOf(args), usage: (lang) => t(lang).bindHowTo },
    handler: bindChat,
    help: { line: "admin", order: 1, zh: { example: "3栋" }, en: { example: "3" } },
  }),
  command({
    name: "interest",
    zh: "兴趣群",
    where: "group",
    who: "groupAdmin",
    args: { read: (args) => args.trim() || undefined, usage: (lang) => t(lang).bindHowTo },
    handler: bindInterest,
    help: { line: "admin", order: 2, zh: { example: "花园" }, en: { example: "gardening" } },
  }),
  command({
    name: "grid",
    zh: "网格",
    who: "coordinator",
    args: { read: gridAssignment, usage: (lang) => t(lang).gridHowTo },
    handler: assignGrid,
    help: { line: "admin", order: 3, zh: { joiner: "；", before: "协调员：", example: "东区 1 2 3" }, en: { joiner: "; ", before: "coordinators: ", example: "East 1 2 3" } },
  }),
  command({
    name: "captain",
    zh: "网格长",
    who: "coordinator",
    args: { read: captainAssignment, usage: (lang) => t(lang).captainHowTo },
    handler: assignCaptain,
    help: { line: "admin", order: 4, zh: { example: "@某人 东区" }, en: { example: "@name East" } },
  }),
  command({
    name: "volunteer",
    zh: "志愿者",
    aliases: ["当志愿者"],
    handler: volunteerCommand,
    help: { line: "basics", order: 3, zh: { example: "修水管 梯子", after: " — 当志愿者，写上会做的事和能借的东西" }, en: { example: "plumbing ladder", after: " — volunteer, with what you can do and lend" } },
    menu: { order: 3, zh: "当志愿者", en: "Volunteer, with what you can do and lend" },
  }),
  command({
    name: "quiet",
    zh: "免打扰",
    handler: setQuietHours,
    help: { line: "quiet", order: 1, zh: { example: "22:00-07:00", after: " — 这段时间不打扰您（紧急求救除外）" }, en: { example: "22:00-07:00", after: " — no pings then (emergencies excepted)" } },
    menu: { order: 9, zh: "免打扰时段", en: "Quiet hours" },
  }),
  command({
    name: "limit",
    zh: "每天最多",
    args: { read: (args) => dailyLimit(args), usage: (lang) => t(lang).limitHowTo },
    handler: setDailyLimit,
    help: { line: "quiet", order: 2, zh: { example: "3" }, en: { example: "3", after: " — pings a day at most" } },
  }),
  command({
    name: "phone",
    zh: "电话",
    where: "private",
    elsewhere: (lang) => t(lang).phoneOnlyPrivately,
    args: { read: phoneNumber, usage: (lang) => t(lang).phoneHowTo },
    handler: registerPhone,
    help: { line: "phone", order: 1, zh: { example: "138…", after: " — 私聊登记紧急联系电话" }, en: { example: "138…", after: " — your emergency phone, in a private chat" } },
    menu: { order: 11, zh: "私聊登记紧急联系电话", en: "Your emergency phone (private chat)" },
  }),
  command({
    name: "card",
    zh: "联系卡",
    aliases: ["应急卡"],
    who: "leader",
    refusal: (lang) => t(lang).cardForLeaders,
    handler: showContactCard,
    help: { line: "phone", order: 2, zh: { before: "网格长和协调员可用 ", example: "@某人" }, en: { before: "captains and coordinators: ", example: "@name" } },
  }),
  command({
    name: "available",
    zh: "有空",
    aliases: ["空闲时间"],
    handler: setAvailability,
    help: { line: "volunteers", order: 3, zh: { example: "周一至周五 18:00-21:00" }, en: { example: "mon-fri 18:00-21:00" } },
    menu: { order: 10, zh: "有空的时间", en: "When you're free to help" },
  }),
];

/** Pings a day at most: a whole number from 1 to 20. */
function dailyLimit(args: string): number | undefined {
  const limit = Number(args.trim());
  return Number.isInteger(limit) && limit >= 1 && limit <= 20 ? limit : undefined;
}
