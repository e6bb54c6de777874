/** The understanding feature's command: `/meant 12 request`, the answer to a clarifying question (a button's reply). */
import type { Dispatcher } from "../../app/shared/context.ts";
import { command } from "../../app/shared/command.ts";
import { answerClarification } from "./clarify.ts";

export const clarifyCommands = (router: () => Dispatcher) => [command({ name: "meant", handler: answerClarification(router) })];
