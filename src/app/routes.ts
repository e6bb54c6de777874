/** The route table: which use case handles which intent. Issue-by-issue, features add their routes here. */
import type { HandlerTable } from "./shared/context.ts";
import { showHelp } from "./help.ts";
import { answerUnknownCommand } from "./unknown-command.ts";
import { answerClarification, askToClarify, keepUnsure } from "../features/understanding/clarify.ts";
import { assignCaptain, assignGrid, bindChat, bindInterest } from "../features/community/community-setup.ts";
import { setQuietHours, volunteerCommand, volunteerFromOffer } from "../features/community/volunteering.ts";
import { registerPhone, setDailyLimit, showContactCard } from "../features/community/contact-card.ts";
import { registerResidence, registerResidenceCommand } from "../features/community/register-residence.ts";
import type { RequestSettings } from "../features/requests/domain/policy.ts";
import { DEFAULT_REQUEST_SETTINGS } from "../features/requests/domain/policy.ts";
import { requestHelp } from "../features/requests/request-help.ts";
import { acceptRequest, declineRequest } from "../features/requests/answer-ping.ts";
import { cancelCommand, closeInWords, doneCommand, keepCommand } from "../features/requests/close-request.ts";
import { raiseSos } from "../features/requests/raise-sos.ts";
import { answerQuery, listRequestsCommand } from "../features/requests/list-requests.ts";
import { setAvailability } from "../features/community/volunteering.ts";
import { createEvent } from "../features/events/create-event.ts";
import { cancelInWords, joinCommand, leaveCommand, signUpInWords } from "../features/events/sign-up.ts";
import { cancelEvent, listEventsCommand, showRoster } from "../features/events/list-events.ts";
import { recordAttendance } from "../features/timebank/attendance.ts";
import { exportCalendar } from "../features/events/export-calendar.ts";
import { welcomeMembers } from "../features/community/welcome.ts";
import { logService } from "../features/timebank/log-service.ts";
import { confirmCredit, disputeCredit } from "../features/timebank/settle-credit.ts";
import {
  anonymousCommand,
  balanceCommand,
  donateCoins,
  giveCoins,
  namedCommand,
  policyCommand,
  reverseTransfer,
  statementCommand,
} from "../features/timebank/accounts.ts";
import { recordThanks, thankCommand } from "../features/deeds/record-thanks.ts";
import { digestCommand } from "../features/digests/send-digest.ts";

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
