/**
 * A 接龙 re-post compared with the last copy of the same list (same title) in that chat: which entries were added,
 * edited or removed. The new copy becomes the last one. The sign-up use case (issue 5) turns the diff into sign-ups
 * and cancellations; the first copy of a list counts all its entries as added.
 */
import type { EventRepos } from "./repos.ts";
import type { NoteDiff, NoteEntry } from "../../parse/group-note.ts";
import { diffGroupNotes } from "../../parse/group-note.ts";

/** Diff `list` against the last copy seen in `chatId`, and remember it. */
export async function compareWithLastCopy(
  repos: EventRepos,
  chatId: number,
  list: { title: string; entries: NoteEntry[] },
): Promise<NoteDiff> {
  const previous = (await repos.groupNotes.lastCopy(chatId, list.title)) ?? [];
  await repos.groupNotes.saveCopy(chatId, list.title, list.entries);
  return diffGroupNotes(previous, list.entries);
}
