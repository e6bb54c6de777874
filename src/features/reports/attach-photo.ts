/**
 * A photo sent in a chat: if its sender reported a problem there in the last few minutes, it is attached to that
 * report and passed on to whoever looks after it; otherwise it is kept a few minutes for a report that may follow.
 * Nothing is said in the group (the report was acknowledged already; most photos are not reports).
 */
import type { NoneIntent } from "../../parse/intent.ts";
import type { Handler } from "../../app/shared/context.ts";
import type { ReportRepos } from "./repos.ts";
import type { RecentPhoto } from "./flow.ts";
import { PHOTO_WINDOW_MS, caretakersOf, labelOf, recentPhotoKey, tellEach, withPhoto } from "./flow.ts";
import { reportTexts } from "./texts.ts";

/** Attach a photo to its sender's report of the last few minutes in this chat, or keep it for one to come. */
export const attachPhoto: Handler<NoneIntent, ReportRepos> = async (context, repos) => {
  const { message, chat, person, now } = context;
  const photo = message.photo;
  if (!photo) return;
  const recent = await repos.reports.latestBy(person.id, chat.id, new Date(now.getTime() - PHOTO_WINDOW_MS));
  if (!recent) {
    const kept: RecentPhoto = { photo, at: now.toISOString() };
    return repos.states.set(recentPhotoKey(chat.platform, chat.externalId, message.sender.id), JSON.stringify(kept));
  }
  await repos.reports.addPhoto(recent.id, person.id, photo);
  const report = recent.duplicateOfId === null ? recent : ((await repos.reports.get(recent.duplicateOfId)) ?? recent);
  const caretakers = (await caretakersOf(repos, report)).people.filter((each) => each !== person.id);
  await tellEach(repos, caretakers, report, (lang) => withPhoto(reportTexts(lang).photoAdded(labelOf(report, lang), person.displayName), photo));
};
