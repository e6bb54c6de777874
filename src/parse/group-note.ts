/**
 * 接龙 (WeChat group note) lists: a "#接龙" header line (text may precede it), a title, an optional "例 ..." example
 * line, then numbered entries ("1. 张三", the space optional; an entry may continue on unnumbered lines; entry 1 may
 * be an empty placeholder), and an optional closing note after a blank line. People re-post the whole list with their
 * line added, so the bot diffs each copy against the last one with the same title in that chat.
 */

/** One numbered entry. */
export interface NoteEntry {
  n: number;
  text: string;
}

/** A parsed 接龙 list. */
export interface GroupNote {
  title: string;
  example?: string;
  entries: NoteEntry[];
  note?: string;
}

/** What changed between two copies of the same list. */
export interface NoteDiff {
  added: string[];
  removed: string[];
  edited: Array<{ from: string; to: string }>;
}

const HEADER = /#\s*接龙|^\s*接龙(?=\s|$)/u;
const ENTRY = /^\s*(\d{1,3})\s*[.．、)）:：]\s*(.*)$/u;

/** Parse a 接龙 list, or undefined when the text is not one. */
export function parseGroupNote(text: string): GroupNote | undefined {
  const lines = text.split(/\r?\n/u);
  const header = lines.findIndex((line) => HEADER.test(line));
  if (header < 0) return undefined;
  let index = header + 1;
  let title = lines[header]!.replace(/^.*?#\s*接龙|^\s*接龙/u, "").trim();
  while (!title && index < lines.length && !ENTRY.test(lines[index]!)) title = lines[index++]!.trim();
  let example: string | undefined;
  if (index < lines.length && /^\s*例/u.test(lines[index]!)) example = lines[index++]!.trim().replace(/^例[:：\s]*/u, "");
  const entries: NoteEntry[] = [];
  const noteLines: string[] = [];
  let open: NoteEntry | undefined;
  for (; index < lines.length; index += 1) {
    const line = lines[index]!.trim();
    const entry = ENTRY.exec(line);
    if (entry && noteLines.length === 0) {
      open = { n: Number(entry[1]), text: entry[2]!.trim() };
      entries.push(open);
    } else if (!line) {
      open = undefined;
    } else if (open) {
      open.text = `${open.text} ${line}`.trim();
    } else if (entries.length > 0 || noteLines.length > 0) {
      noteLines.push(line);
    }
  }
  if (!title) return undefined;
  const note: GroupNote = { title, entries: entries.filter((entry) => entry.text !== "") };
  if (example) note.example = example;
  if (noteLines.length) note.note = noteLines.join("\n");
  return note;
}

/** The name an entry starts with ("刘洋 +1" → "刘洋"): an edit keeps it, a new entry brings another. */
function nameOf(text: string): string {
  return text.split(/[\s+＋(（,，:：]/u)[0] ?? text;
}

/**
 * Entries added, removed and edited between the last copy and this one. An edit is a changed line of the same person
 * (same leading name), or else a changed line at the same number.
 */
export function diffGroupNotes(previous: NoteEntry[], current: NoteEntry[]): NoteDiff {
  const before = new Set(previous.map((entry) => entry.text));
  const after = new Set(current.map((entry) => entry.text));
  const added = current.filter((entry) => !before.has(entry.text));
  const removed = previous.filter((entry) => !after.has(entry.text));
  const edited: NoteDiff["edited"] = [];
  const pair = (same: (gone: NoteEntry, entry: NoteEntry) => boolean) => {
    for (const gone of [...removed]) {
      const replacement = added.find((entry) => same(gone, entry));
      if (!replacement) continue;
      edited.push({ from: gone.text, to: replacement.text });
      removed.splice(removed.indexOf(gone), 1);
      added.splice(added.indexOf(replacement), 1);
    }
  };
  pair((gone, entry) => nameOf(gone.text) === nameOf(entry.text));
  pair((gone, entry) => gone.n === entry.n);
  return { added: added.map((entry) => entry.text), removed: removed.map((entry) => entry.text), edited };
}
