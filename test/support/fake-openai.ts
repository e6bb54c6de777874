/**
 * A local stand-in for an OpenAI-compatible endpoint on 127.0.0.1 (a cloud service, vLLM, Ollama, whisper.cpp):
 * `/chat/completions` and `/audio/transcriptions`, answering as each test scripts it (a good answer, garbage, no
 * answer at all, a 500, a 429), and recording every request so a test can wait for it instead of sleeping.
 */
import { afterEach, beforeEach } from "vitest";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** How the next request is answered. */
export type Reply =
  | { kind: "json"; body: unknown }
  | { kind: "chat"; content: string }
  | { kind: "transcript"; text: string }
  | { kind: "status"; status: number; body?: string }
  | { kind: "hang" };

/** One request as received. */
export interface Received {
  path: string;
  authorization?: string;
  contentType: string;
  body: Buffer;
}

/** The fake endpoint. */
export class FakeOpenAi {
  readonly received: Received[] = [];
  readonly #replies: Reply[] = [];
  readonly #hanging = new Set<ServerResponse>();
  readonly #server: Server;
  #waiters: Array<() => void> = [];
  /** Answer used when no scripted reply is left. */
  fallback: Reply = { kind: "status", status: 500 };

  constructor() {
    this.#server = createServer((req, res) => void this.#serve(req, res));
  }

  /** Listen on 127.0.0.1; resolves to the base URL (…/v1). */
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.#server.listen(0, "127.0.0.1", () => resolve()));
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/v1`;
  }

  /** Queue how the next requests are answered, in order. */
  reply(...replies: Reply[]): void {
    this.#replies.push(...replies);
  }

  /** Resolves once `count` requests have arrived. */
  async requests(count: number): Promise<void> {
    while (this.received.length < count) await new Promise<void>((resolve) => this.#waiters.push(resolve));
  }

  async stop(): Promise<void> {
    for (const res of this.#hanging) res.destroy();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const reply = this.#replies.shift() ?? this.fallback;
    this.received.push({
      path: new URL(req.url ?? "/", "http://127.0.0.1").pathname,
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      contentType: req.headers["content-type"] ?? "",
      body: Buffer.concat(chunks),
    });
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) wake();
    switch (reply.kind) {
      case "hang":
        this.#hanging.add(res);
        return;
      case "status":
        res.writeHead(reply.status, { "content-type": "application/json" }).end(reply.body ?? JSON.stringify({ error: { message: `status ${reply.status}` } }));
        return;
      case "chat":
        return json(res, { id: "chatcmpl-1", object: "chat.completion", choices: [{ index: 0, message: { role: "assistant", content: reply.content }, finish_reason: "stop" }] });
      case "transcript":
        return json(res, { text: reply.text });
      case "json":
        return json(res, reply.body);
    }
  }
}

function json(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
}

/** A time budget a test ends by hand: `deadline` for the app, `expire()` when the test has seen what it waits for. */
export function manualDeadline(): { deadline: (ms: number) => Promise<void>; expire: () => void } {
  const pending: Array<() => void> = [];
  return {
    deadline: () => new Promise<void>((resolve) => pending.push(resolve)),
    expire: () => {
      for (const resolve of pending.splice(0)) resolve();
    },
  };
}

/** A fresh fake endpoint for each test of the file (started before it, stopped after); call at the top level. */
export function useFakeOpenAi(): { readonly fake: FakeOpenAi; readonly base: string } {
  let current: { fake: FakeOpenAi; base: string } | undefined;
  beforeEach(async () => {
    const fake = new FakeOpenAi();
    current = { fake, base: await fake.start() };
  });
  afterEach(() => current?.fake.stop());
  return {
    get fake() {
      return current!.fake;
    },
    get base() {
      return current!.base;
    },
  };
}
