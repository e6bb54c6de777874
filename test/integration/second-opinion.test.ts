/**
 * The optional second opinion (UNDERSTANDING=openai): an OpenAI-compatible chat endpoint asked only about messages
 * the embedded model is unsure of, with a strict JSON answer and a time budget. Against a local fake endpoint: a good
 * answer is used; garbage, no answer in time, a 500 and a 429 all leave the embedded answer standing; an SOS and a
 * message the model is sure of never wait for it; the key is sent, never logged.
 */
import { describe, expect, it } from "vitest";
import { Writable } from "node:stream";
import { pino } from "pino";
import { manualDeadline, useFakeOpenAi } from "../support/fake-openai.ts";
import { demoApp, message, say, useTempDatabase } from "../support/app.ts";
import { OpenAiSecondOpinion } from "../../src/infra/openai-compatible.ts";
import { REDACTED_KEYS } from "../../src/logger.ts";

const db = useTempDatabase();
const KEY = "sk-test-0123456789abcdef";
const endpoint = useFakeOpenAi();

/** A logger writing into `lines`, redacting as Linli's does. */
function capture(lines: string[]) {
  const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
  return pino({ level: "debug", redact: { paths: REDACTED_KEYS, censor: "[redacted]" } }, sink);
}

describe("the language model client", () => {
  const guesses = [
    { label: "request", p: 0.36 },
    { label: "none", p: 0.32 },
  ];

  it("sends the message, the model and the key, and takes a strict JSON answer", async () => {
    const logs: string[] = [];
    const client = new OpenAiSecondOpinion({ baseUrl: endpoint.base, apiKey: KEY, model: "qwen2.5:7b", timeoutMs: 2000 }, { log: capture(logs) });
    endpoint.fake.reply({ kind: "chat", content: '{"intent":"request"}' });
    expect(await client.ask("明天想去医院 没人陪", guesses)).toBe("request");
    const [sent] = endpoint.fake.received;
    expect(sent!.path).toBe("/v1/chat/completions");
    expect(sent!.authorization).toBe(`Bearer ${KEY}`);
    const body = JSON.parse(sent!.body.toString("utf8")) as { model: string; messages: Array<{ content: string }>; response_format: unknown };
    expect(body.model).toBe("qwen2.5:7b");
    expect(body.response_format).toEqual({ type: "json_object" });
    expect(body.messages.at(-1)!.content).toContain("明天想去医院 没人陪");
    expect(logs.join("")).not.toContain(KEY);
  });

  it("answers nothing for garbage, an unknown label, no answer in time, a 500 or a 429, and logs why", async () => {
    const logs: string[] = [];
    const timer = manualDeadline();
    const client = new OpenAiSecondOpinion({ baseUrl: endpoint.base, apiKey: KEY, model: "m", timeoutMs: 2000 }, { log: capture(logs), deadline: timer.deadline });
    endpoint.fake.reply(
      { kind: "chat", content: "I think this is a request." },
      { kind: "chat", content: '{"intent":"chitchat"}' },
      { kind: "json", body: { unexpected: true } },
      { kind: "status", status: 500 },
      { kind: "status", status: 429, body: '{"error":{"message":"rate limited"}}' },
    );
    for (let n = 0; n < 5; n += 1) expect(await client.ask("text", guesses)).toBeUndefined();
    endpoint.fake.reply({ kind: "hang" });
    const waiting = client.ask("text", guesses);
    await endpoint.fake.requests(6);
    timer.expire();
    expect(await waiting).toBeUndefined();
    const lines = logs.join("");
    expect(lines).toContain("the answer was not the JSON asked for");
    expect(lines).toContain("the endpoint answered 500");
    expect(lines).toContain("the endpoint answered 429");
    expect(lines).toContain("no answer within the time budget");
    expect(lines).not.toContain(KEY);
  });
});

describe("the second opinion in the pipeline", () => {
  const env = () => ({ UNDERSTANDING: "openai", LLM_BASE_URL: endpoint.base, LLM_MODEL: "m", LLM_API_KEY: KEY });
  const unsure = "明天想去医院 没人陪";

  it("acts on the language model's answer for a message the embedded model was unsure of, and keeps the pair", async () => {
    const { app, adapter } = await demoApp(db.url, undefined, { env: env() });
    endpoint.fake.reply({ kind: "chat", content: '{"intent":"request"}' });
    const sent = await say(app, adapter, message("3栋邻里群", "王秀英", unsure));
    expect(sent[0]).toEqual(["chat", "3栋邻里群", expect.stringMatching(/^收到求助 #1/u)]);
    expect(await app.prisma.helpRequest.count()).toBe(1);
    expect(await app.prisma.unsureMessage.findMany({ select: { text: true, outcome: true, finalIntent: true, guess: true } })).toEqual([
      { text: unsure, outcome: "llm", finalIntent: "request", guess: "request" },
    ]);
    await app.close();
  });

  it.each([
    ["garbage", { kind: "chat", content: "sure! it's a request" }],
    ["a 500", { kind: "status", status: 500 }],
    ["a 429", { kind: "status", status: 429 }],
  ] as const)("lets the embedded answer stand after %s", async (_what, reply) => {
    const { app, adapter } = await demoApp(db.url, undefined, { env: env() });
    endpoint.fake.reply(reply);
    expect(await say(app, adapter, message("3栋邻里群", "王秀英", unsure))).toEqual([]);
    expect(await app.prisma.helpRequest.count()).toBe(0);
    expect(await app.prisma.unsureMessage.findMany({ select: { outcome: true, finalIntent: true } })).toEqual([{ outcome: "silent", finalIntent: null }]);
    await app.close();
  });

  it("lets the embedded answer stand when the time budget runs out", async () => {
    const timer = manualDeadline();
    const { app, adapter } = await demoApp(db.url, undefined, { env: env(), deadline: timer.deadline });
    endpoint.fake.reply({ kind: "hang" });
    const handled = say(app, adapter, message(null, "钱大爷", unsure));
    await endpoint.fake.requests(1);
    timer.expire();
    const sent = await handled;
    expect(sent[0]![2]).toMatch(/^我不太确定您的意思/u); // the embedded answer: a clarifying question in a private chat
    await app.close();
  });

  it("never asks about an emergency or a message the model is sure of", async () => {
    const { app, adapter } = await demoApp(db.url, undefined, { env: env() });
    const sent = await say(app, adapter, message("3栋邻里群", "李奶奶", "救命！3栋101我老伴摔倒了"), message("3栋邻里群", "王秀英", "谁家有梯子借用一下"));
    expect(sent.some(([, , text]) => String(text).startsWith("⚠️"))).toBe(true);
    expect(await app.prisma.helpRequest.count()).toBe(2);
    expect(endpoint.fake.received).toEqual([]);
    await app.close();
  });
});
