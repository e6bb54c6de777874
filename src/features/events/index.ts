/** What the events feature offers other features. */
export { mayManage } from "./create-event.ts";
export { namedEvent } from "./sign-up.ts";
export { answerEventsQuery } from "./list-events.ts";
export { leave } from "./sign-up.ts";
