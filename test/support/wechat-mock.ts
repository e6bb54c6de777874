/** The WeChat mock (wechaty-puppet-mock) as the conversation tests use it, watched by the privacy scan. */
import { mock } from "wechaty-puppet-mock";
import { watchGroupMessages } from "./privacy-watch.ts";

/** A new mocker whose room messages from the bot (`botId`) are scanned for private details after each test. */
export function watchedMocker(botId: string): mock.Mocker {
  const mocker = new mock.Mocker();
  watchGroupMessages("WeChat mock", () =>
    [...mocker.cacheMessagePayload.values()].flatMap((payload) =>
      payload.roomId && payload.talkerId === botId && payload.text ? [{ chat: payload.roomId, text: payload.text, group: true }] : [],
    ),
  );
  return mocker;
}
