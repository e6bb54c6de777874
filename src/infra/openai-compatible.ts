/**
 * Clients of OpenAI-compatible endpoints (a cloud service, or a local vLLM / Ollama / whisper.cpp / faster-whisper
 * server): the second opinion on unsure messages (`/chat/completions`, a strict JSON answer checked by zod) and the
 * transcription of voice messages (`/audio/transcriptions`). Every call has a time budget; after it, or on any error,
 * the answer is `undefined` and Linli goes on with what it has. Keys are sent, never logged.
 */
import { z } from "zod";
import type { SecondOpinion, Transcriber } from "../features/understanding/ports.ts";
import type { Logger } from "../logger.ts";
import { INTENT_LABELS } from "../parse/model/labels.ts";

/** Collaborators the tests replace: the time budget is a promise, so no test waits on the real clock. */
export interface EndpointDeps {
  log: Logger;
  /** Resolves when `ms` have passed (default: a timer). */
  deadline?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
}

/** An endpoint's address, key and budget. */
export interface EndpointSettings {
  baseUrl: string;
  apiKey: string | null;
  model: string;
  timeoutMs: number;
}

function timer(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** POST within the budget: the parsed JSON body of a 2xx answer, or undefined (logged) for anything else. */
async function post(settings: EndpointSettings, deps: EndpointDeps, path: string, body: string | FormData, json: boolean, what: string): Promise<unknown> {
  const abort = new AbortController();
  const expired = (deps.deadline ?? timer)(settings.timeoutMs).then(() => "expired" as const);
  const call = (async () => {
    const response = await (deps.fetch ?? fetch)(`${settings.baseUrl}${path}`, {
      method: "POST",
      headers: {
        ...(json ? { "content-type": "application/json" } : {}),
        ...(settings.apiKey ? { authorization: `Bearer ${settings.apiKey}` } : {}),
      },
      body,
      signal: abort.signal,
    });
    if (!response.ok) return { status: response.status };
    return { body: (await response.json()) as unknown };
  })().catch((error: unknown) => ({ error }));
  const outcome = await Promise.race([call, expired]);
  if (outcome === "expired") {
    abort.abort();
    deps.log.warn({ endpoint: settings.baseUrl, timeoutMs: settings.timeoutMs }, `${what}: no answer within the time budget`);
    return undefined;
  }
  if ("status" in outcome) deps.log.warn({ endpoint: settings.baseUrl, status: outcome.status }, `${what}: the endpoint answered ${outcome.status}`);
  if ("error" in outcome) deps.log.warn({ endpoint: settings.baseUrl, err: outcome.error }, `${what}: the call failed`);
  return "body" in outcome ? outcome.body : undefined;
}

const Completion = z.object({ choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1) });
const Verdict = z.object({ intent: z.enum(INTENT_LABELS) }).strict();

const INSTRUCTIONS = `You read one message from a residential community's group chat (Chinese or English) and say what the sender means.
Labels:
- request: the sender (or someone they speak for) needs an item or a service from neighbours.
- offer: the sender offers an item to lend, a service, or a skill, to anyone who needs it.
- signup / cancel_signup: joining or leaving an event or activity.
- service_log: the sender reports help already given, with how long it took.
- thanks: the sender thanks a named neighbour for help received.
- sos: an emergency that needs people now (fall, fire, someone unconscious, a lost elderly person).
- report: a problem in the shared environment (a broken light or lift, a leak, a blocked fire lane, rubbish, parking, trees, a hazard).
- dispute: a conflict between neighbours that asks for mediation (noise, leaks, pets, parking, smells, shared space).
- checkin: a resident living alone telling the bot they are fine today.
- query: a question to the bot about its own records (balance, events, my requests).
- none: chatter that needs no action.
Answer with JSON only, exactly {"intent": "<label>"}.`;

/** The language model's second opinion. */
export class OpenAiSecondOpinion implements SecondOpinion {
  constructor(private readonly settings: EndpointSettings, private readonly deps: EndpointDeps) {}

  async ask(text: string, guesses: ReadonlyArray<{ label: string; p: number }>): Promise<string | undefined> {
    const hint = guesses.map((guess) => `${guess.label} ${Math.round(guess.p * 100)}%`).join(", ");
    const body = JSON.stringify({
      model: this.settings.model,
      temperature: 0,
      response_format: { type: "json_object" },
      messages: [
        { role: "system", content: INSTRUCTIONS },
        { role: "user", content: `Message: ${JSON.stringify(text)}\n(A small classifier's guesses: ${hint})` },
      ],
    });
    const answer = Completion.safeParse(await post(this.settings, this.deps, "/chat/completions", body, true, "second opinion"));
    if (!answer.success) return undefined;
    let content: unknown;
    try {
      content = JSON.parse(answer.data.choices[0]!.message.content.trim());
    } catch {
      content = undefined;
    }
    const verdict = Verdict.safeParse(content);
    if (!verdict.success) {
      this.deps.log.warn({ endpoint: this.settings.baseUrl }, "second opinion: the answer was not the JSON asked for");
      return undefined;
    }
    return verdict.data.intent;
  }
}

const Transcript = z.object({ text: z.string() });
const EXTENSIONS: Record<string, string> = { "audio/ogg": "ogg", "audio/mpeg": "mp3", "audio/mp4": "m4a", "audio/wav": "wav", "audio/x-wav": "wav", "audio/silk": "silk", "audio/amr": "amr", "audio/webm": "webm" };

/** Speech to text. */
export class OpenAiTranscriber implements Transcriber {
  constructor(private readonly settings: EndpointSettings, private readonly deps: EndpointDeps) {}

  async transcribe(audio: Uint8Array, mime: string): Promise<string | undefined> {
    const form = new FormData();
    const type = mime.split(";")[0]!.trim();
    form.append("file", new Blob([audio], { type }), `voice.${EXTENSIONS[type] ?? "ogg"}`);
    form.append("model", this.settings.model);
    form.append("response_format", "json");
    const answer = Transcript.safeParse(await post(this.settings, this.deps, "/audio/transcriptions", form, false, "transcription"));
    const text = answer.success ? answer.data.text.trim() : "";
    return text || undefined;
  }
}
