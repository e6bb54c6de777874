/** Reply texts in zh-CN and en. Short and kind: many residents are elderly and read on a phone. */
import type { Lang } from "../parse/intent.ts";

type Texts = {
  help: (botName: string) => string;
  registered: (place: string) => string;
  registeredInGroup: string;
  registerHowTo: string;
  unknownCommand: (command: string) => string;
  slowDown: string;
  somethingWentWrong: string;
  privateFallback: (name: string) => string;
  chooseByNumber: string;
  clarify: string;
};

const zh: Texts = {
  help: (botName) =>
    [
      `我是${botName}，帮邻里互相搭把手。常用命令：`,
      "/帮助 (/help) — 看这份说明",
      "/登记 3-502 (/register) — 登记住址（只有网格长和协调员能看到）",
      "也可以直接说：“我住3栋502”。",
    ].join("\n"),
  registered: (place) => `已登记住址：${place}。只有网格长和协调员能看到。`,
  registeredInGroup: "已登记，谢谢！住址只有网格长和协调员能看到。",
  registerHowTo: "请这样登记住址：/登记 3-502，或直接说“我住3栋502”。",
  unknownCommand: (command) => `没有“/${command}”这个命令。发 /帮助 看看我能做什么。`,
  slowDown: "消息有点多，我稍后再看，请稍等一下。",
  somethingWentWrong: "抱歉，我这里出了点问题，请稍后再试。",
  privateFallback: (name) => `@${name} 我有一条消息要私下发给您，请先加我为好友或私聊我一句，我就能发给您了。`,
  chooseByNumber: "请回复数字：",
  clarify: "我没太明白。您是想求助、报名活动，还是别的事？可以说得具体些，或发 /帮助 看看我能做什么。",
};

const en: Texts = {
  help: (botName) =>
    [
      `I'm ${botName}, helping neighbours help each other. Commands:`,
      "/help — this guide",
      "/register 3-502 — register where you live (only grid captains and coordinators can see it)",
      'You can also just say: "I live in building 3 room 502".',
    ].join("\n"),
  registered: (place) => `Registered: ${place}. Only grid captains and coordinators can see it.`,
  registeredInGroup: "Registered, thank you! Only grid captains and coordinators can see your address.",
  registerHowTo: 'To register, send /register 3-502, or say "I live in building 3 room 502".',
  unknownCommand: (command) => `I don't know "/${command}". Send /help to see what I can do.`,
  slowDown: "That's a lot of messages; I'll catch up in a moment.",
  somethingWentWrong: "Sorry, something went wrong on my side. Please try again later.",
  privateFallback: (name) =>
    `@${name} I have a private message for you. Please start a private chat with me (press Start or add me), then I can send it.`,
  chooseByNumber: "Reply with a number: ",
  clarify: "Sorry, I didn't quite get that. Do you need help, want to join an event, or something else? Say a bit more, or send /help.",
};

/** The texts for a language. */
export function t(lang: Lang): Texts {
  return lang === "en" ? en : zh;
}

/** Normalise a locale string from config or the database to a supported language. */
export function toLang(locale: string | null | undefined): Lang {
  return locale?.toLowerCase().startsWith("en") ? "en" : "zh-CN";
}
