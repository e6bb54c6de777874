/**
 * The router: which use case handles which intent. Commands go to the command registry (src/app/commands.ts); every
 * other intent kind has a typed route, so a handler written for one kind of intent cannot be routed another's.
 * An intent with no route (chatter) gets no reply and writes nothing.
 */
import type { ClarifyIntent, Intent, NaturalIntent, NoneIntent, RegisterIntent, UnknownCommandIntent } from "../parse/intent.ts";
import type { BoundHandler, Dispatcher, Handler } from "./shared/context.ts";
import type { RequestSettings } from "../features/requests/domain/policy.ts";
import type { CommandRegistry } from "./commands.ts";
import { DEFAULT_REQUEST_SETTINGS } from "../features/requests/domain/policy.ts";
import { defaultCommands } from "./commands.ts";
import { reply } from "./shared/context.ts";
import { askToClarify, keepUnsure } from "../features/understanding/clarify.ts";
import { volunteerFromOffer } from "../features/community/volunteering.ts";
import { registerResidence } from "../features/community/register-residence.ts";
import { requestHelp } from "../features/requests/request-help.ts";
import { closeInWords } from "../features/requests/close-request.ts";
import { raiseSos } from "../features/requests/raise-sos.ts";
import { answerQuery } from "../features/requests/list-requests.ts";
import { cancelInWords, signUpInWords } from "../features/events/sign-up.ts";
import { logService } from "../features/timebank/log-service.ts";
import { recordThanks } from "../features/deeds/record-thanks.ts";
import type { ReportSettings } from "../features/reports/index.ts";
import { DEFAULT_REPORT_SETTINGS, attachPhoto, raiseReport } from "../features/reports/index.ts";
import { raiseDispute } from "../features/mediation/index.ts";
import { visitLogPresence, visitWordsFirst } from "../features/visits/index.ts";
import type { CheckinSettings, Presence, PresenceFacts } from "../features/checkins/index.ts";
import { DEFAULT_CHECKIN_SETTINGS, checkinPresence, checkinRoute } from "../features/checkins/index.ts";

/** A use case for each intent kind that is not a command; "closing" and "unsure" are kinds of "none". */
export type Routes = { [K in NaturalIntent["kind"]]?: Handler<Extract<NaturalIntent, { kind: K }>> } & {
  register?: Handler<RegisterIntent>;
  unknown_command?: Handler<UnknownCommandIntent>;
  clarify?: Handler<ClarifyIntent>;
  /** "好了，谢谢": a request closed in words. */
  closing?: Handler<NoneIntent>;
  /** A message the parser was unsure about and left alone. */
  unsure?: Handler<NoneIntent>;
  /** A photo with no caption worth acting on: it may belong to a report made just before or after it. */
  photo?: Handler<NoneIntent>;
};

/** The routes and the commands. */
export interface Router {
  routes: Routes;
  commands: CommandRegistry;
  /** Check-ins' reading of every message (pure): an enrolled sender's check-in or pause, an unenrolled one's wish to enrol. */
  presence?: (intent: Intent, text: string, facts: PresenceFacts) => Presence | undefined;
}

/** The use case an intent goes to. */
export function handlerFor(router: Router, intent: Intent): BoundHandler | undefined {
  const { routes } = router;
  switch (intent.kind) {
    case "command":
      return (base, repos) => router.commands.run({ ...base, intent }, repos);
    case "none":
      return bind(intent.closing ? routes.closing : intent.unsure ? routes.unsure : undefined, intent);
    case "unknown_command":
      return bind(routes.unknown_command, intent);
    case "register":
      return bind(routes.register, intent);
    case "clarify":
      return bind(routes.clarify, intent);
    case "request":
      return bind(routes.request, intent);
    case "offer":
      return bind(routes.offer, intent);
    case "signup":
      return bind(routes.signup, intent);
    case "cancel_signup":
      return bind(routes.cancel_signup, intent);
    case "service_log":
      return bind(routes.service_log, intent);
    case "thanks":
      return bind(routes.thanks, intent);
    case "sos":
      return bind(routes.sos, intent);
    case "report":
      return bind(routes.report, intent);
    case "dispute":
      return bind(routes.dispute, intent);
    case "checkin":
      return bind(routes.checkin, intent);
    case "query":
      return bind(routes.query, intent);
  }
}

/** The use case of a photo whose caption (if any) has no route of its own. */
export function photoHandlerFor(router: Router, intent: Intent): BoundHandler | undefined {
  return intent.kind === "none" ? bind(router.routes.photo, intent) : undefined;
}

function bind<I extends Intent>(handler: Handler<I> | undefined, intent: I): BoundHandler | undefined {
  return handler && ((base, repos) => handler({ ...base, intent }, repos));
}

/** The name an intent's route has in logs and in the processed-message record: its kind, "command:<name>" for commands. */
export function routeName(intent: Intent): string {
  if (intent.kind === "command") return `command:${intent.name}`;
  if (intent.kind !== "none") return intent.kind;
  return intent.closing ? "closing" : intent.unsure ? "unsure" : "none";
}

type Reading = NonNullable<Router["presence"]>;

/**
 * Several readings of every message as one: the first intent given, every `before` in turn, `only` if any says so, and
 * each `around` wrapped in the ones before it (the first reading's is tried first).
 */
export function readingsOf(...readings: Reading[]): Reading {
  return (intent, text, facts) => {
    const found = readings.map((read) => read(intent, text, facts)).filter((one) => one !== undefined);
    if (found.length === 0) return undefined;
    const befores = found.flatMap((one) => (one.before ? [one.before] : []));
    const arounds = found.flatMap((one) => (one.around ? [one.around] : []));
    const given = found.find((one) => one.intent)?.intent;
    return {
      ...(given ? { intent: given } : {}),
      ...(befores.length ? { before: async (base, repos) => { for (const run of befores) await run(base, repos); } } : {}),
      ...(found.some((one) => one.only) ? { only: true } : {}),
      ...(arounds.length ? { around: (routed) => arounds.reduceRight<BoundHandler | undefined>((inner, wrap) => wrap(inner), routed)! } : {}),
    } satisfies Presence;
  };
}

/** The default router. */
export function defaultRouter(
  settings: RequestSettings = DEFAULT_REQUEST_SETTINGS,
  reports: ReportSettings = DEFAULT_REPORT_SETTINGS,
  checkins: CheckinSettings = DEFAULT_CHECKIN_SETTINGS,
): Router {
  // A volunteer's "去了1小时，精神不错" / "这周三去不了" in a private chat is about their visit when they have one.
  const visits = visitWordsFirst({ serviceLog: logService, cancel: cancelInWords });
  const router: Router = {
    routes: {
      register: registerResidence,
      unknown_command: (context, repos) => reply(context, repos, router.commands.unknown(context.lang, context.intent.command)),
      clarify: askToClarify(() => dispatcher),
      unsure: keepUnsure,
      offer: volunteerFromOffer,
      request: requestHelp(settings),
      sos: raiseSos(settings),
      closing: closeInWords,
      query: answerQuery,
      signup: signUpInWords,
      cancel_signup: visits.cancel,
      service_log: visits.serviceLog,
      thanks: recordThanks,
      report: raiseReport(reports),
      photo: attachPhoto,
      dispute: raiseDispute,
      checkin: checkinRoute(checkins),
    },
    commands: defaultCommands(settings, () => dispatcher, reports, checkins),
    // A visit log in words is tried before "seen her, she's fine": a volunteer may be her contact too.
    presence: readingsOf(visitLogPresence, checkinPresence(checkins)),
  };
  const dispatcher = dispatcherOf(router);
  return router;
}

/** The router as use cases that re-route see it. */
export function dispatcherOf(router: Router): Dispatcher {
  return {
    handles: (kind) => (kind === "command" ? true : kind in router.routes && router.routes[kind as keyof Routes] !== undefined),
    handlerFor: (intent) => handlerFor(router, intent),
  };
}
