/** The route table: which use case handles which intent. Issue-by-issue, features add their routes here. */
import type { HandlerTable } from "./message-context.ts";
import { showHelp } from "./show-help.ts";
import { answerUnknownCommand } from "./answer-unknown-command.ts";
import { askToClarify } from "./ask-to-clarify.ts";
import { assignCaptain, assignGrid, bindChat, bindInterest } from "./community-setup.ts";
import { setQuietHours, volunteerCommand, volunteerFromOffer } from "./volunteering.ts";
import { registerPhone, setDailyLimit, showContactCard } from "./contact-card.ts";
import { registerResidence, registerResidenceCommand } from "./register-residence.ts";

/** The default handlers. An intent with no route (chatter) gets no reply and writes nothing. */
export function defaultHandlers(): HandlerTable {
  return {
    "command:help": showHelp,
    "command:register": registerResidenceCommand,
    register: registerResidence,
    unknown_command: answerUnknownCommand,
    clarify: askToClarify,
    "command:bind": bindChat,
    "command:interest": bindInterest,
    "command:grid": assignGrid,
    "command:captain": assignCaptain,
    "command:volunteer": volunteerCommand,
    "command:quiet": setQuietHours,
    offer: volunteerFromOffer,
    "command:phone": registerPhone,
    "command:limit": setDailyLimit,
    "command:card": showContactCard,
  };
}
