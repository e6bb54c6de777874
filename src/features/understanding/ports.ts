/**
 * What the pipeline may ask outside the embedded parser, both optional and both over the network: a language model's
 * second opinion on a message the model was unsure about, and the transcription of a voice message. Both answer
 * `undefined` on any failure or when their time budget runs out, and the pipeline carries on without them.
 */

/** An OpenAI-compatible chat model asked "which of these labels?" about one message. */
export interface SecondOpinion {
  /** One of the twelve intent labels, or undefined (no answer in time, an error, an answer that is not one). */
  ask(text: string, guesses: ReadonlyArray<{ label: string; p: number }>): Promise<string | undefined>;
}

/** An OpenAI-compatible speech-to-text endpoint. */
export interface Transcriber {
  /** The words said, or undefined (no answer in time, an error, silence). */
  transcribe(audio: Uint8Array, mime: string): Promise<string | undefined>;
}

