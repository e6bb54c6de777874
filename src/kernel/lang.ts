/** The languages Linli replies in. */

/** A language Linli replies in. */
export type Lang = "zh-CN" | "en";

/** Every language, the default first. */
export const LANGS: readonly Lang[] = ["zh-CN", "en"];
