/** What the privacy feature offers other features: the name a forgotten person goes by. */
export { privacyTexts } from "./texts.ts";
