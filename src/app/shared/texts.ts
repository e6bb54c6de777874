/** Reply texts in zh-CN and en. Short and kind: many residents are elderly and read on a phone. */
import type { Lang } from "../../kernel/lang.ts";

type Texts = {
  registered: (place: string) => string;
  registeredInGroup: string;
  registerHowTo: string;
  /** `help`: how the help command is written in this language ("/帮助"). */
  unknownCommand: (command: string, help: string) => string;
  /** To a sender over the rate limit (`name` to address them in a group, null in a private chat). */
  slowDown: (name: string | null) => string;
  somethingWentWrong: string;
  privateFallback: (name: string, platform?: string) => string;
  welcome: (names: string, platform: string) => string;
  chooseByNumber: string;
  /** Several questions are open and a bare answer could be for any: which one? */
  whichOne: (subjects: string[]) => string;
  fileUnsupported: (name: string) => string;
  /** A photo that cannot be sent on here (another platform's). */
  photoUnsupported: string;
  clarify: string;
  needAdmin: string;
  needCoordinator: string;
  onlyInGroups: string;
  onlyPrivately: string;
  bound: (what: string) => string;
  bindHowTo: string;
  gridSet: (grid: string, buildings: string) => string;
  gridHowTo: string;
  captainSet: (name: string, grid: string) => string;
  captainHowTo: string;
  volunteered: (what: string) => string;
  quietSet: (from: string, to: string) => string;
  quietOff: string;
  quietHowTo: string;
  limitSet: (limit: number) => string;
  availabilitySet: (windows: string) => string;
  availabilityOff: string;
  availabilityHowTo: string;
  limitHowTo: string;
  phoneOnlyPrivately: string;
  phoneSaved: string;
  phoneHowTo: string;
  /** The refusal of a command for grid captains and coordinators. */
  needCaptain: string;
  /** The refusal of `/card` to anyone but a grid captain or a coordinator. */
  cardForLeaders: string;
  cardHowTo: string;
  cardUnknown: (name: string) => string;
  /** Said in a group when the answer went privately. */
  sentPrivately: string;
  /** Guardian mode: what opens a message about someone the reader acts for ("（代李奶奶）"). */
  onBehalfOf: (name: string) => string;
  cardOtherGrid: string;
  card: (card: { displayName: string; address: string; phone: string; abilities: string }) => string;
};

const zh: Texts = {
  registered: (place) => `已登记住址：${place}。只有网格长和协调员能看到。`,
  registeredInGroup: "已登记，谢谢！住址只有网格长和协调员能看到。",
  registerHowTo: "请这样登记住址：/登记 3-806，或直接说“我住3栋806”。",
  unknownCommand: (command, help) => `没有“/${command}”这个命令。发 ${help} 看看我能做什么。`,
  slowDown: (name) => `${name ? `@${name} ` : ""}您发得太快了，有的消息我没有处理，请过一分钟再发。紧急求救不受影响。`,
  somethingWentWrong: "抱歉，我这里出了点问题，请稍后再试。",
  privateFallback: (name, platform) =>
    platform === "telegram"
      ? `@${name} 我有一条消息要私下发给您：请点我的名字，进入私聊后按“开始”(Start)，我就能发给您了。`
      : `@${name} 我有一条消息要私下发给您，请先加我为好友或私聊我一句，我就能发给您了。`,
  welcome: (names, platform) =>
    `欢迎${names}！我是邻里小助手：需要帮忙直接在群里说，报名活动说“报名”，发 /帮助 看说明。${platform === "telegram" ? "请私聊我并按一下“开始”(Start)，方便我私信您。" : "加我为好友，方便我私信您。"}`,
  chooseByNumber: "请回复数字：",
  whichOne: (subjects) => `您是回复哪一个？请回复数字：${subjects.map((subject, index) => `${index + 1} ${subject}`).join(" / ")}`,
  fileUnsupported: (name) => `（这里不能发文件“${name}”，请向协调员索取。）`,
  photoUnsupported: "（附有照片，这里发不了，请到原群里看。）",
  clarify: "我没太明白。您是想求助、报名活动，还是别的事？可以说得具体些，或发 /帮助 看看我能做什么。",
  needAdmin: "这个命令需要群管理员或协调员来发。",
  needCoordinator: "这个命令需要社区协调员来发。",
  onlyInGroups: "这个命令要在群里发。",
  onlyPrivately: "这个命令请私聊我发。",
  bound: (what) => `好的，本群已设为${what}的群。`,
  bindHowTo: "请这样设置：/绑定 3栋，或 /兴趣群 社区花园。",
  gridSet: (grid, buildings) => `已把 ${buildings} 划入${grid}。`,
  gridHowTo: "请这样划分网格：/网格 东区 1 2 3（网格名，再写楼栋号）。",
  captainSet: (name, grid) => `${name} 现在是${grid}的网格长。`,
  captainHowTo: "请这样设置网格长：/网格长 @某人 东区。",
  volunteered: (what) => `谢谢您当志愿者${what ? `（${what}）` : ""}！有邻居需要时我会私信问您，方便再接。`,
  quietSet: (from, to) => `好的，${from} 到 ${to} 不打扰您（紧急求救除外）。`,
  quietOff: "好的，已取消免打扰。",
  quietHowTo: "请这样设置免打扰：/免打扰 22:00-07:00，取消发 /免打扰 关。",
  availabilitySet: (windows) => `好的，只在这些时间请您帮忙：${windows}。紧急求救除外。`,
  availabilityOff: "好的，任何时间都可以请您帮忙（免打扰时段除外）。",
  availabilityHowTo: "请这样设置有空的时间：/有空 周一至周五 18:00-21:00；周末 全天。取消限制：/有空 随时",
  limitSet: (limit) => `好的，每天最多问您 ${limit} 次（紧急求救除外）。`,
  limitHowTo: "请这样设置：/每天最多 3（1 到 20 次）。",
  phoneOnlyPrivately: "电话号码请私聊我发，不要发在群里。",
  phoneSaved: "已保存您的电话，只有网格长和协调员在紧急时能看到。",
  phoneHowTo: "请这样登记电话：/电话 13800000000（请私聊发给我）。",
  needCaptain: "这个命令只有网格长和协调员能用。",
  cardForLeaders: "应急联系卡只有网格长和协调员能查看。",
  cardHowTo: "请这样查：/联系卡 @某人 或 /联系卡 姓名。",
  cardUnknown: (name) => `没找到“${name}”。`,
  sentPrivately: "已私信发给您。",
  onBehalfOf: (name) => `（代${name}）`,
  cardOtherGrid: "网格长只能查看本网格居民的联系卡；其他网格请找协调员。",
  card: ({ displayName, address, phone, abilities }) =>
    [`应急联系卡：${displayName}`, `住址：${address}`, `电话：${phone}`, `能力：${abilities}`].join("\n"),
};

const en: Texts = {
  registered: (place) => `Registered: ${place}. Only grid captains and coordinators can see it.`,
  registeredInGroup: "Registered, thank you! Only grid captains and coordinators can see your address.",
  registerHowTo: 'To register, send /register 3-806, or say "I live in building 3 room 806".',
  unknownCommand: (command, help) => `I don't know "/${command}". Send ${help} to see what I can do.`,
  slowDown: (name) => `${name ? `@${name} ` : ""}You're sending a lot at once, so I skipped some messages. Please send them again in a minute. Emergencies still get through.`,
  somethingWentWrong: "Sorry, something went wrong on my side. Please try again later.",
  privateFallback: (name, platform) =>
    platform === "telegram"
      ? `@${name} I have a private message for you: tap my name, open the chat and press Start, and I can send it.`
      : `@${name} I have a private message for you. Please start a private chat with me (press Start or add me), then I can send it.`,
  welcome: (names, platform) =>
    `Welcome, ${names}! I'm the neighbourhood helper: ask for help right here, say "sign me up" for events, or send /help.${platform === "telegram" ? " Please open a private chat with me and press Start so I can message you." : " Add me as a contact so I can message you."}`,
  chooseByNumber: "Reply with a number: ",
  whichOne: (subjects) => `Which one are you answering? Reply with a number: ${subjects.map((subject, index) => `${index + 1} ${subject}`).join(" / ")}`,
  fileUnsupported: (name) => `(Files can't be sent here; ask a coordinator for "${name}".)`,
  photoUnsupported: "(A photo came with this; it can't be sent here, see the group it was posted in.)",
  clarify: "Sorry, I didn't quite get that. Do you need help, want to join an event, or something else? Say a bit more, or send /help.",
  needAdmin: "Only a group admin or a coordinator can use this command.",
  needCoordinator: "Only a community coordinator can use this command.",
  onlyInGroups: "Please use this command in a group.",
  onlyPrivately: "Please send me this command in a private chat.",
  bound: (what) => `Done: this group is now the group of ${what}.`,
  bindHowTo: "To set it up: /bind 3 (a building), or /interest gardening.",
  gridSet: (grid, buildings) => `${buildings} now belong to ${grid}.`,
  gridHowTo: "To set up a grid: /grid East 1 2 3 (the grid's name, then building numbers).",
  captainSet: (name, grid) => `${name} is now a grid captain of ${grid}.`,
  captainHowTo: "To name a grid captain: /captain @name East.",
  volunteered: (what) => `Thank you for volunteering${what ? ` (${what})` : ""}! When a neighbour needs help I'll ask you privately.`,
  quietSet: (from, to) => `Done: no pings from ${from} to ${to} (emergencies excepted).`,
  quietOff: "Done: quiet hours are off.",
  quietHowTo: "To set quiet hours: /quiet 22:00-07:00; to turn them off: /quiet off.",
  availabilitySet: (windows) => `Done: I'll only ask you ${windows} (emergencies excepted).`,
  availabilityOff: "Done: I may ask you at any time (outside your quiet hours).",
  availabilityHowTo: "Set when you're free like this: /available mon-fri 18:00-21:00; weekends all day. To clear: /available any time",
  limitSet: (limit) => `Done: at most ${limit} pings a day (emergencies excepted).`,
  limitHowTo: "To set it: /limit 3 (1 to 20 a day).",
  phoneOnlyPrivately: "Please send me your phone number in a private chat, not in the group.",
  phoneSaved: "Saved. Only grid captains and coordinators can see it, in an emergency.",
  phoneHowTo: "To register your phone: /phone 13800000000 (in a private chat with me).",
  needCaptain: "Only grid captains and coordinators can use this command.",
  cardForLeaders: "Only grid captains and coordinators can see emergency contact cards.",
  cardHowTo: "To look someone up: /card @name or /card name.",
  cardUnknown: (name) => `I couldn't find "${name}".`,
  sentPrivately: "Sent to you privately.",
  onBehalfOf: (name) => `(for ${name}) `,
  cardOtherGrid: "Grid captains see the cards of their own grid's residents only; ask a coordinator for others.",
  card: ({ displayName, address, phone, abilities }) =>
    [`Emergency card: ${displayName}`, `Address: ${address}`, `Phone: ${phone}`, `Can help with: ${abilities}`].join("\n"),
};

/** The texts for a language. */
export function t(lang: Lang): Texts {
  return lang === "en" ? en : zh;
}

/** Normalise a locale string from config or the database to a supported language. */
export function toLang(locale: string | null | undefined): Lang {
  return locale?.toLowerCase().startsWith("en") ? "en" : "zh-CN";
}
