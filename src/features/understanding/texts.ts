/** Reply texts of understanding: the clarifying question, its choices, and voice messages, in zh-CN and en. */
import type { NaturalKind } from "../../parse/intent.ts";
import type { Lang } from "../../kernel/lang.ts";

type UnderstandingTexts = {
  /** "您是想：" — the numbered meanings follow. */
  whichMeaning: string;
  meanings: Record<NaturalKind, string>;
  noneOfThese: string;
  /** After "none of these". */
  understoodNothing: string;
  alreadyAnswered: string;
  notYourQuestion: string;
  /** A voice message when no transcription is configured. */
  textOnly: string;
  /** A voice message that could not be transcribed. */
  couldNotHear: string;
  /** What the bot heard, quoted before its answer. */
  heard: (transcript: string) => string;
};

const zh: UnderstandingTexts = {
  whichMeaning: "我不太确定您的意思。您是想：",
  meanings: {
    request: "找邻居帮忙",
    offer: "愿意帮忙或出借东西",
    signup: "报名活动",
    cancel_signup: "取消报名",
    service_log: "记录服务时间",
    thanks: "感谢邻居",
    sos: "紧急求救",
    report: "报告公共问题",
    dispute: "请人调解纠纷",
    checkin: "报平安",
    query: "查询我的记录",
  },
  noneOfThese: "都不是",
  understoodNothing: "好的，明白了。需要时直接说，或发 /帮助 看看我能做什么。",
  alreadyAnswered: "这个问题已经回答过了，谢谢！",
  notYourQuestion: "这个问题是问别人的哦。",
  textOnly: "抱歉，我现在只能看文字消息，请打字告诉我，或请家人帮忙发一下。",
  couldNotHear: "抱歉，这条语音我没听清，请再说一遍或打字告诉我。",
  heard: (transcript) => `🎤 我听到的是：「${transcript}」`,
};

const en: UnderstandingTexts = {
  whichMeaning: "I'm not sure what you mean. Do you want to:",
  meanings: {
    request: "ask neighbours for help",
    offer: "offer help or lend something",
    signup: "sign up for an event",
    cancel_signup: "cancel a sign-up",
    service_log: "log time you spent helping",
    thanks: "thank a neighbour",
    sos: "report an emergency",
    report: "report a problem in the building",
    dispute: "ask for help with a dispute",
    checkin: "check in (I'm fine today)",
    query: "look up your records",
  },
  noneOfThese: "none of these",
  understoodNothing: "OK, got it. Just say what you need any time, or send /help.",
  alreadyAnswered: "That question has been answered already, thank you!",
  notYourQuestion: "That question was for someone else.",
  textOnly: "Sorry, I can only read text messages for now. Please type it, or ask someone to help you send it.",
  couldNotHear: "Sorry, I couldn't make out that voice message. Please say it again or type it.",
  heard: (transcript) => `🎤 I heard: "${transcript}"`,
};

/** The texts in `lang`. */
export function understandingTexts(lang: Lang): UnderstandingTexts {
  return lang === "en" ? en : zh;
}
