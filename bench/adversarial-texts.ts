/**
 * Adversarial messages for the parser's worst case: long texts, mixed scripts, emoji, long digit runs, 接龙-like
 * shapes, deep bracket nesting, repeated trigger words. Deterministic (seeded), so runs compare.
 */

function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const PIECES = [
  "救命", "谁家有梯子", "报名", "+1", "3栋502", "下周二", "两个半小时", "谢谢", "#接龙", "1. 张三", "[强]", "😂", "🙏",
  "Saturday", "help!", "anyone", "borrow", "11111111111111111111", "（（（（", "））））", "「」", "- - - - - -", "\n",
  "@邻里小助手", "／帮助", "漏水", "调解", "平安", "時間幣", "ｈｅｌｐ", "📦", "​", "\u2005", "building 7 room 302",
];

/** `count` adversarial texts, up to `maxLength` characters each. */
export function adversarialTexts(count: number, maxLength = 4096, seed = 7): string[] {
  const random = lcg(seed);
  const texts: string[] = [
    "(".repeat(2000) + ")".repeat(2000),
    "1".repeat(4096),
    "救命".repeat(2048),
    `#接龙\n标题\n${Array.from({ length: 400 }, (_, i) => `${i + 1}. 张三${i}`).join("\n")}`.slice(0, maxLength),
    "我".repeat(4096),
    "a ".repeat(2048),
    "有没有".repeat(1365),
    "「".repeat(1000) + "- - - - - - - -\n".repeat(100),
  ];
  while (texts.length < count) {
    const target = Math.floor(random() ** 2 * maxLength);
    let text = "";
    while (text.length < target) {
      text += random() < 0.7 ? PIECES[Math.floor(random() * PIECES.length)] : String.fromCodePoint(0x20 + Math.floor(random() * 0x2fff));
    }
    texts.push(text.slice(0, maxLength));
  }
  return texts;
}
