/** Guardian mode's replies in zh-CN and en: short and kind; the room only ever in a private chat. */
import type { Lang } from "../../kernel/lang.ts";

type Texts = {
  onBehalfUsage: string;
  needPlace: (name: string) => string;
  /** Registered (in a group: no address). */
  registered: (name: string, address: string | null) => string;
  inChat: (name: string) => string;
  ended: (name: string) => string;
  notGuarded: (name: string) => string;
  notGuardian: (name: string) => string;
  wards: (lines: string[]) => string;
  noWards: string;
  ward: (name: string, address: string | null) => string;
  /** After a request for someone (`name` null in a group: the group is not told whom it is for). */
  raised: (name: string | null) => string;
};

const zh: Texts = {
  onBehalfUsage: "这样为代管的老人求助：/代办 赵奶奶 明天上午陪去医院",
  needPlace: (name) => `请写上${name}的住址，例如：/代管 ${name} 9栋806`,
  registered: (name, address) => `已登记代管${name}${address ? `（${address}）` : ""}。给${name}的消息会私信发给您，开头写着“（代${name}）”；为她求助请用 /代办 ${name} …`,
  inChat: (name) => `${name}已经在群里，可以直接联系，不需要代管。`,
  ended: (name) => `已结束代管${name}。`,
  notGuarded: (name) => `${name}不在代管名单上。先用 /代管 ${name} 9栋806 登记。`,
  notGuardian: (name) => `只有${name}的代管人或社区协调员能为她代办。`,
  wards: (lines) => `您代管的老人：\n${lines.join("\n")}`,
  noWards: "您还没有代管的老人。登记：/代管 赵奶奶 9栋806",
  ward: (name, address) => `${name}${address ? `（${address}）` : ""}`,
  raised: (name) => `以上是代${name ?? "老人"}发出的求助，进展会私信告诉您。`,
};

const en: Texts = {
  onBehalfUsage: "To ask for help for someone you act for: /on_behalf Mrs-Li hospital visit tomorrow morning",
  needPlace: (name) => `Please add ${name}'s address, e.g. /guardian ${name} 9-806`,
  registered: (name, address) => `You now act for ${name}${address ? ` (${address})` : ""}. Messages for ${name} come to you privately, starting "(for ${name})"; to ask for help for them, /on_behalf ${name} …`,
  inChat: (name) => `${name} is in a chat already and can be reached directly; no guardian needed.`,
  ended: (name) => `You no longer act for ${name}.`,
  notGuarded: (name) => `Nobody acts for ${name} yet. Register first: /guardian ${name} 9-806`,
  notGuardian: (name) => `Only ${name}'s guardian or a coordinator can ask for help for them.`,
  wards: (lines) => `You act for:\n${lines.join("\n")}`,
  noWards: "You don't act for anyone yet. To register: /guardian Mrs-Li 9-806",
  ward: (name, address) => `${name}${address ? ` (${address})` : ""}`,
  raised: (name) => `That request is for ${name ?? "someone you act for"}; I'll tell you privately how it goes.`,
};

/** The texts of a language. */
export function guardianTexts(lang: Lang): Texts {
  return lang === "en" ? en : zh;
}
