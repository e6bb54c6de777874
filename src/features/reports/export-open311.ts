/**
 * The Open311 GeoReport v2 export of a community's reports (`npm run -s export -- open311 --as <coordinator>`):
 * requests.json and services.json, in the community's language, with descriptions made safe to leave the community.
 */
import type { Repositories } from "../../app/ports.ts";
import type { Open311Request, Open311Service } from "./domain/open311.ts";
import { open311Requests, open311Services } from "./domain/open311.ts";
import { quotableInGroup } from "../understanding/domain/quote.ts";
import { reportTexts } from "./texts.ts";

/** A number of three or four digits on its own ("我家302门口"): a room, as far as anyone outside can tell. */
const LONE_NUMBER = /(?<![\d.:：/-])\d{3,4}(?![\d.:：/-])/gu;

/** A description fit to leave the community: no phone, no room (with or without its building), not the reporter's name. */
export function safeToShare(text: string, reporterName: string): string {
  const named = reporterName.trim().length >= 2 ? text.split(reporterName.trim()).join("…") : text;
  return quotableInGroup(named).replace(LONE_NUMBER, "…");
}

/** The two GeoReport v2 documents of a community. */
export async function exportOpen311(repos: Pick<Repositories, "communities" | "reports">, communityId: number): Promise<{ requests: Open311Request[]; services: Open311Service[] }> {
  const community = (await repos.communities.list()).find((each) => each.id === communityId);
  if (!community) throw new Error(`no community ${communityId}`);
  const texts = reportTexts(community.lang);
  const naming = {
    communityName: community.name,
    timeZone: community.timeZone,
    kindName: (kind: keyof typeof texts.kind) => texts.kind[kind],
    stateName: (state: keyof typeof texts.state) => texts.state[state],
    safe: safeToShare,
  };
  const reports = await repos.reports.all(communityId);
  return { requests: open311Requests(reports, naming), services: open311Services(naming) };
}
