/** Reply texts of help requests and emergencies, in zh-CN and en. Group texts never carry rooms or phones. */
import type { Lang } from "../../kernel/lang.ts";
import { coins } from "../timebank/domain/ledger.ts";

/** A request as texts name it. */
export interface RequestLabel {
  id: number;
  what: string;
  /** The requester's display name. */
  name: string;
  /** A building name ("3栋"), or "". */
  building: string;
}

/**
 * Words that answer an emergency alert on their own, in either language, besides its number or button: typed alone,
 * they take the alert the person was sent ("我去！" counts; "我去看看" does not).
 */
export const SOS_ANSWER_WORDS: readonly string[] = ["我去", "我马上去", "马上去", "马上到", "我来了", "我在路上", "on my way", "omw", "coming", "i'm coming"];

/** What a request is about, short enough to list. */
const short = (what: string) => ([...what].length > 12 ? `${[...what].slice(0, 12).join("")}…` : what);

type RequestTexts = {
  recorded: (id: number) => string;
  /** Recorded, with no volunteer near to message: what happens next goes to the requester privately. */
  recordedNoVolunteer: (id: number) => string;
  medicalAdvice: string;
  childcareNote: string;
  ping: (r: RequestLabel, urgent: boolean) => string;
  /** A request as a "which one are you answering?" question lists it ("借梯子 #2"). */
  subject: (r: RequestLabel) => string;
  acceptLabel: string;
  declineLabel: string;
  acceptedVolunteer: (r: RequestLabel, place: string | null) => string;
  /** Guardian mode: the requester has no phone; whoever acts for them is the one to message. */
  contactGuardian: (name: string, guardian: string) => string;
  notAsked: string;
  handedBack: (id: number) => string;
  handedBackRequester: (id: number, helper: string) => string;
  /** `what` is null where the subject is private (a medical, care or childcare request asked about in a group). */
  confirmDone: (id: number, what: string | null) => string;
  confirmCancel: (id: number, what: string | null) => string;
  yesDone: string;
  yesCancel: string;
  notYet: string;
  keepIt: string;
  kept: (id: number) => string;
  remindAssigned: (id: number) => string;
  acceptedRequester: (id: number, helper: string) => string;
  acceptedGroup: (id: number) => string;
  taken: (id: number) => string;
  alreadyYours: (id: number) => string;
  declined: string;
  notFound: (id: string) => string;
  notOpen: (id: number) => string;
  ownRequest: string;
  needsQualified: (category: string) => string;
  escalateCaptain: (r: RequestLabel, qualifiedOnly: boolean) => string;
  escalateCoordinator: (r: RequestLabel, qualifiedOnly: boolean) => string;
  escalatedRequester: (id: number, toCoordinator: boolean) => string;
  /** Nobody near could take it, and there is no captain or coordinator to pass it to. */
  escalatedNobody: (id: number) => string;
  doneRequester: (id: number, helper: string, hours: string) => string;
  doneHelper: (id: number, hours: string) => string;
  doneWithoutHelper: (id: number) => string;
  cancelled: (id: number) => string;
  cancelledHelper: (id: number) => string;
  notYours: (id: number) => string;
  whichRequest: string;
  expired: (id: number) => string;
  /** The group's advice, and how many were alerted privately (never who). */
  sosGroup: (number: string, emergency: string, alerted: number) => string;
  sosAlert: (r: RequestLabel, place: string, emergency: string, repeat: boolean) => string;
  /** An emergency as a "which one?" question lists it ("紧急求助 #1"). */
  sosSubject: (id: number) => string;
  /** To those alerted: what the requester added in a later SOS message (their own words). Private. */
  sosUpdate: (r: RequestLabel, text: string) => string;
  /** In the chat of a repeated SOS: the open one is still being handled; how many were alerted, or told the update. */
  sosStillOn: (id: number, alerted: number, forwarded: boolean) => string;
  ackLabel: string;
  acked: (id: number) => string;
  ackedOthers: (id: number, name: string) => string;
  ackedRequester: (name: string) => string;
  noneOpen: string;
  listOwn: (lines: string[]) => string;
  listGrid: (lines: string[]) => string;
  listHelping: (lines: string[]) => string;
  lineState: (state: string, helper: string | null) => string;
  emergencies: Record<string, string>;
  hours: (minutes: number) => string;
};

const zh: RequestTexts = {
  recorded: (id) => `收到求助 #${id}，我正在私信联系附近的志愿者，有人接单会告诉您。不需要了请回复“不用了”。`,
  recordedNoVolunteer: (id) => `收到求助 #${id}。附近暂时没有能私信的志愿者，接下来怎么办我会私信告诉您。不需要了请回复“不用了”。`,
  medicalAdvice: "身体不舒服请先就医或拨打120；我只会请受过医护培训的邻居帮忙。",
  childcareNote: "照看孩子只会请协调员核实过的志愿者。",
  ping: (r, urgent) => `${urgent ? "【急】" : ""}求助 #${r.id}：${r.name}${r.building ? `（${r.building}）` : ""}需要帮忙——${r.what}`,
  subject: (r) => `${short(r.what)} #${r.id}`,
  acceptLabel: "接单",
  declineLabel: "不方便",
  contactGuardian: (name, guardian) => `${name}不用手机，由${guardian}代为联系，请私信${guardian}。`,
  acceptedVolunteer: (r, place) =>
    `谢谢您接下求助 #${r.id}！请联系${r.name}${r.building ? `（${r.building}）` : ""}，可以在群里@TA或私信${place ? `，地点：${place}` : ""}。完成后回复 /完成 ${r.id}。`,
  notAsked: "谢谢您愿意帮忙！这个求助正在按顺序私信附近的志愿者，轮到您时我会私信您。",
  handedBack: (id) => `好的，已把求助 #${id} 交回，我再找别的邻居。谢谢您！`,
  handedBackRequester: (id, helper) => `${helper}暂时去不了，我正在为求助 #${id} 另找邻居。`,
  confirmDone: (id, what) => `求助 #${id}${what === null ? " " : `（${what}）`}已经办好了吗？`,
  confirmCancel: (id, what) => `要取消求助 #${id}${what === null ? " " : `（${what}）`}吗？`,
  yesDone: "办好了",
  yesCancel: "取消求助",
  notYet: "还没有",
  keepIt: "不取消",
  kept: (id) => `好的，求助 #${id} 继续进行。`,
  remindAssigned: (id) => `求助 #${id} 办好了吗？办好了请回复 /完成 ${id}，不需要了请回复 /取消求助 ${id}。`,
  acceptedRequester: (id, helper) => `好消息：${helper}接下了您的求助 #${id}，会尽快联系您。`,
  acceptedGroup: (id) => `求助 #${id} 已有邻居接单，谢谢大家！`,
  taken: (id) => `求助 #${id} 已经有人接了，谢谢您！`,
  alreadyYours: (id) => `求助 #${id} 已经是您接下的了，谢谢！`,
  declined: "好的，没关系，谢谢您！",
  notFound: (id) => `没有找到求助 #${id}。`,
  notOpen: (id) => `求助 #${id} 已经结束了，谢谢您！`,
  ownRequest: "这是您自己的求助哦。",
  needsQualified: (category) =>
    category === "medical" ? "谢谢您！这个求助只请受过医护培训的志愿者帮忙。" : "谢谢您！照看孩子只请协调员核实过的志愿者帮忙。",
  escalateCaptain: (r, qualifiedOnly) =>
    `网格长您好：求助 #${r.id}（${r.name}${r.building ? `，${r.building}` : ""}：${r.what}）附近的志愿者都没能接上，请帮忙${qualifiedOnly ? "联系合适的人（需有资质）" : "联系"}。`,
  escalateCoordinator: (r, qualifiedOnly) =>
    `协调员您好：求助 #${r.id}（${r.name}${r.building ? `，${r.building}` : ""}：${r.what}）网格长也还没接上，请帮忙安排${qualifiedOnly ? "有资质的人" : ""}。`,
  escalatedRequester: (id, toCoordinator) => `求助 #${id} 附近的志愿者暂时都不方便，我已请${toCoordinator ? "社区协调员" : "网格长"}帮忙，请稍等。`,
  escalatedNobody: (id) => `求助 #${id} 附近的志愿者暂时都不方便，社区里也还没有能转交的网格长或协调员。请在群里再说一声，或直接联系社区居委会。`,
  doneRequester: (id, helper, hours) => `求助 #${id} 已完成，谢谢${helper}！已为${helper}记下 ${hours}。`,
  doneHelper: (id, hours) => `求助 #${id} 已完成，辛苦了！已为您记下 ${hours}。`,
  doneWithoutHelper: (id) => `好的，求助 #${id} 已结束，谢谢大家！`,
  cancelled: (id) => `求助 #${id} 已取消。`,
  cancelledHelper: (id) => `求助 #${id} 已经不需要了，谢谢您！`,
  notYours: (id) => `只有求助人、接单的志愿者或协调员能结束求助 #${id}。`,
  whichRequest: "请带上求助编号，比如 /完成 12。发 /我的求助 可以看编号。",
  expired: (id) => `抱歉，求助 #${id} 这段时间没有邻居接上，已自动结束。需要的话可以再发一次，或联系网格长。`,
  sosGroup: (number, emergency, alerted) =>
    `⚠️ ${emergency}：请马上拨打 ${number}！不要移动伤者，保持电话畅通。` +
    (alerted > 0 ? `我已私信通知 ${alerted} 位会急救的邻居、网格长或协调员。` : "我暂时没能联系上会急救的邻居和网格长，请大声向身边的人求助；我会继续找人。"),
  sosAlert: (r, place, emergency, repeat) =>
    `🚨${repeat ? "【仍无人回应】" : ""}紧急求助 #${r.id}：${emergency}，地点：${place}，求助人：${r.name}。能去请马上回复。`,
  sosSubject: (id) => `紧急求助 #${id}`,
  sosUpdate: (r, text) => `🚨紧急求助 #${r.id} 补充（${r.name}）：${text}`,
  sosStillOn: (id, alerted, forwarded) =>
    alerted === 0
      ? `紧急求助 #${id} 还在处理中，我还在找人，请大声向身边的人求助。`
      : forwarded
        ? `紧急求助 #${id} 还在处理中，您补充的情况已私信转告 ${alerted} 位收到通知的人。`
        : `紧急求助 #${id} 还在处理中，已通知 ${alerted} 位，请保持电话畅通。`,
  ackLabel: "我去",
  acked: (id) => `谢谢！已记下您去处理紧急求助 #${id}，路上注意安全。`,
  ackedOthers: (id, name) => `紧急求助 #${id}：${name}已回应，正在赶去。`,
  ackedRequester: (name) => `${name}已收到求助，正在赶来。`,
  noneOpen: "您现在没有进行中的求助。",
  listOwn: (lines) => ["您的求助：", ...lines].join("\n"),
  listGrid: (lines) => ["本网格进行中的求助：", ...lines].join("\n"),
  listHelping: (lines) => ["您正在帮忙：", ...lines].join("\n"),
  lineState: (state, helper) => (helper ? `${helper}已接单` : state === "open" ? "正在找志愿者" : state),
  emergencies: { fall: "有人摔倒", fire: "火情", unconscious: "有人昏迷", missing: "有人走失", medical: "突发疾病", other: "紧急情况" },
  hours: (minutes) => `${coins(minutes)} 个时间币`,
};

const en: RequestTexts = {
  recorded: (id) => `Got it: request #${id}. I'm messaging nearby volunteers privately and will tell you who can help. Say "never mind" if it's no longer needed.`,
  recordedNoVolunteer: (id) => `Got it: request #${id}. No volunteer nearby can be messaged right now; I'll tell you privately what happens next. Say "never mind" if it's no longer needed.`,
  medicalAdvice: "For anything medical please see a doctor or call 120; I only ask neighbours with medical training.",
  childcareNote: "Childcare goes only to volunteers a coordinator has verified.",
  ping: (r, urgent) => `${urgent ? "[URGENT] " : ""}Request #${r.id}: ${r.name}${r.building ? ` (${r.building})` : ""} needs help: ${r.what}`,
  subject: (r) => `${short(r.what)} #${r.id}`,
  acceptLabel: "I'll help",
  declineLabel: "Can't now",
  contactGuardian: (name, guardian) => `${name} has no phone; ${guardian} acts for them, so please message ${guardian}.`,
  acceptedVolunteer: (r, place) =>
    `Thank you for taking request #${r.id}! Please get in touch with ${r.name}${r.building ? ` (${r.building})` : ""}: mention them in the group or message them${place ? `; place: ${place}` : ""}. When it's done, reply /done ${r.id}.`,
  notAsked: "Thank you for offering! I'm asking nearby volunteers in turn and will message you when it's your turn.",
  handedBack: (id) => `OK, request #${id} is handed back; I'll find someone else. Thank you!`,
  handedBackRequester: (id, helper) => `${helper} can't make it after all; I'm finding someone else for request #${id}.`,
  confirmDone: (id, what) => `Is request #${id}${what === null ? "" : ` (${what})`} done?`,
  confirmCancel: (id, what) => `Cancel request #${id}${what === null ? "" : ` (${what})`}?`,
  yesDone: "Done",
  yesCancel: "Cancel it",
  notYet: "Not yet",
  keepIt: "Keep it",
  kept: (id) => `OK, request #${id} stays open.`,
  remindAssigned: (id) => `Is request #${id} done? If so, reply /done ${id}; if it's no longer needed, /cancel ${id}.`,
  acceptedRequester: (id, helper) => `Good news: ${helper} is taking your request #${id} and will be in touch soon.`,
  acceptedGroup: (id) => `Request #${id} has a helper now. Thank you, everyone!`,
  taken: (id) => `Request #${id} has been taken already. Thank you!`,
  alreadyYours: (id) => `Request #${id} is already yours. Thank you!`,
  declined: "No problem, thank you!",
  notFound: (id) => `I can't find request #${id}.`,
  notOpen: (id) => `Request #${id} is closed already. Thank you!`,
  ownRequest: "That's your own request.",
  needsQualified: (category) =>
    category === "medical"
      ? "Thank you! This request goes only to volunteers with medical training."
      : "Thank you! Childcare goes only to volunteers a coordinator has verified.",
  escalateCaptain: (r, qualifiedOnly) =>
    `Grid captain: request #${r.id} (${r.name}${r.building ? `, ${r.building}` : ""}: ${r.what}) found no volunteer nearby. Could you ${qualifiedOnly ? "find someone qualified" : "help or find someone"}?`,
  escalateCoordinator: (r, qualifiedOnly) =>
    `Coordinator: request #${r.id} (${r.name}${r.building ? `, ${r.building}` : ""}: ${r.what}) is still without a helper after the grid captain. Could you arrange someone${qualifiedOnly ? " qualified" : ""}?`,
  escalatedRequester: (id, toCoordinator) =>
    `No nearby volunteer could take request #${id} yet; I've asked the ${toCoordinator ? "community coordinator" : "grid captain"}. Please bear with us.`,
  escalatedNobody: (id) =>
    `No nearby volunteer could take request #${id} yet, and there is no grid captain or coordinator to pass it to. Please ask again in the group, or contact the community office.`,
  doneRequester: (id, helper, hours) => `Request #${id} is done, thanks to ${helper}! ${hours} noted for ${helper}.`,
  doneHelper: (id, hours) => `Request #${id} is done, thank you! ${hours} noted for you.`,
  doneWithoutHelper: (id) => `Request #${id} is closed. Thank you, everyone!`,
  cancelled: (id) => `Request #${id} is cancelled.`,
  cancelledHelper: (id) => `Request #${id} is no longer needed. Thank you!`,
  notYours: (id) => `Only the requester, the helper or a coordinator can close request #${id}.`,
  whichRequest: "Please add the request number, e.g. /done 12. /requests shows your numbers.",
  expired: (id) => `Sorry, nobody could take request #${id} in time, so it's closed. You're welcome to ask again, or contact your grid captain.`,
  sosGroup: (number, emergency, alerted) =>
    `⚠️ ${emergency}: call ${number} now! Don't move anyone who is hurt, and keep your phone free. ` +
    (alerted > 0
      ? `I've alerted ${alerted} ${alerted === 1 ? "person" : "people"} privately: neighbours with first aid, the grid captain or the coordinators.`
      : "I couldn't reach anyone with first aid or a coordinator yet: call out to the people near you; I'll keep trying."),
  sosAlert: (r, place, emergency, repeat) =>
    `🚨${repeat ? " [STILL NO ANSWER]" : ""} Emergency #${r.id}: ${emergency} at ${place}, reported by ${r.name}. Reply if you can go now.`,
  sosSubject: (id) => `Emergency #${id}`,
  sosUpdate: (r, text) => `🚨 Emergency #${r.id}, more from ${r.name}: ${text}`,
  sosStillOn: (id, alerted, forwarded) =>
    alerted === 0
      ? `Emergency #${id} is still open and I'm still looking for someone: call out to the people near you.`
      : forwarded
        ? `Emergency #${id} is still being handled; I've passed what you added privately to the ${alerted} ${alerted === 1 ? "person" : "people"} alerted.`
        : `Emergency #${id} is still being handled; ${alerted} ${alerted === 1 ? "person was" : "people were"} alerted. Keep your phone free.`,
  ackLabel: "On my way",
  acked: (id) => `Thank you! You're down as going to emergency #${id}. Stay safe.`,
  ackedOthers: (id, name) => `Emergency #${id}: ${name} has answered and is on the way.`,
  ackedRequester: (name) => `${name} got your alert and is on the way.`,
  noneOpen: "You have no open requests.",
  listOwn: (lines) => ["Your requests:", ...lines].join("\n"),
  listGrid: (lines) => ["Open requests in your grid:", ...lines].join("\n"),
  listHelping: (lines) => ["You're helping with:", ...lines].join("\n"),
  lineState: (state, helper) => (helper ? `${helper} is helping` : state === "open" ? "looking for a volunteer" : state),
  emergencies: { fall: "Someone has fallen", fire: "Fire", unconscious: "Someone is unconscious", missing: "Someone is missing", medical: "A medical emergency", other: "An emergency" },
  hours: (minutes) => `${coins(minutes)} time coins`,
};

/** The request texts in a language. */
export function requestTexts(lang: Lang): RequestTexts {
  return lang === "en" ? en : zh;
}
