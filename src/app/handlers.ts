/** The route table: which use case handles which intent. Issue-by-issue, features add their routes here. */
import type { HandlerTable } from "./message-context.ts";
import { showHelp } from "./show-help.ts";
import { answerUnknownCommand } from "./answer-unknown-command.ts";
import { answerClarification, askToClarify, keepUnsure } from "./clarify.ts";
import { assignCaptain, assignGrid, bindChat, bindInterest } from "./community-setup.ts";
import { setQuietHours, volunteerCommand, volunteerFromOffer } from "./volunteering.ts";
import { registerPhone, setDailyLimit, showContactCard } from "./contact-card.ts";
import { registerResidence, registerResidenceCommand } from "./register-residence.ts";
import type { RequestSettings } from "../domain/requests/policy.ts";
import { DEFAULT_REQUEST_SETTINGS } from "../domain/requests/policy.ts";
import { requestHelp } from "./request-help.ts";
import { acceptRequest, declineRequest } from "./answer-ping.ts";
import { cancelCommand, closeInWords, doneCommand, keepCommand } from "./close-request.ts";
import { raiseSos } from "./raise-sos.ts";
import { answerQuery, listRequestsCommand } from "./list-requests.ts";
import { setAvailability } from "./volunteering.ts";
import { createEvent } from "./create-event.ts";
import { cancelInWords, joinCommand, leaveCommand, signUpInWords } from "./sign-up.ts";
import { cancelEvent, listEventsCommand, showRoster } from "./list-events.ts";
import { recordAttendance } from "./attendance.ts";
import { exportCalendar } from "./export-calendar.ts";
import { welcomeMembers } from "./welcome.ts";
import { logService } from "./log-service.ts";
import { confirmCredit, disputeCredit } from "./settle-credit.ts";
import {
  anonymousCommand,
  balanceCommand,
  donateCoins,
  giveCoins,
  namedCommand,
  policyCommand,
  reverseTransfer,
  statementCommand,
} from "./time-bank-commands.ts";
import { recordThanks, thankCommand } from "./record-thanks.ts";
import { digestCommand } from "./send-digest.ts";

/** The default handlers. An intent with no route (chatter) gets no reply and writes nothing. */
export function defaultHandlers(settings: RequestSettings = DEFAULT_REQUEST_SETTINGS): HandlerTable {
  const table: HandlerTable = {
    "command:help": showHelp,
    "command:register": registerResidenceCommand,
    register: registerResidence,
    unknown_command: answerUnknownCommand,
    clarify: askToClarify(() => table),
    "command:meant": answerClarification(() => table),
    unsure: keepUnsure,
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
    "command:available": setAvailability,
    request: requestHelp(settings),
    sos: raiseSos(settings),
    "command:accept": acceptRequest,
    "command:ack": acceptRequest,
    "command:decline": declineRequest(settings),
    "command:done": doneCommand,
    "command:cancel": cancelCommand,
    closing: closeInWords,
    "command:keep": keepCommand,
    "command:requests": listRequestsCommand,
    query: answerQuery,
    "command:event": createEvent,
    signup: signUpInWords,
    cancel_signup: cancelInWords,
    "command:join": joinCommand,
    "command:leave": leaveCommand,
    "command:events": listEventsCommand,
    "command:roster": showRoster,
    "command:attended": recordAttendance,
    "command:ical": exportCalendar,
    "command:cancelevent": cancelEvent,
    "command:welcome": welcomeMembers,
    service_log: logService,
    "command:confirm": confirmCredit,
    "command:dispute": disputeCredit,
    "command:balance": balanceCommand,
    "command:statement": statementCommand,
    "command:give": giveCoins,
    "command:donate": donateCoins,
    "command:reverse": reverseTransfer,
    "command:policy": policyCommand,
    "command:anonymous": anonymousCommand,
    "command:named": namedCommand,
    thanks: recordThanks,
    "command:thank": thankCommand,
    "command:digest": digestCommand,
  };
  return table;
}
