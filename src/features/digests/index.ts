/** What the digests feature offers other features. */
export { DIGEST_JOB, readers, type DigestPayload } from "./send-digest.ts";
