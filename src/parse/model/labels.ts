/** The labels of the corpus (`corpus/README.md`): the model's classes, in a fixed order. */

/** The twelve intents a resident's free text can have. */
export const INTENT_LABELS = [
  "request",
  "offer",
  "signup",
  "cancel_signup",
  "service_log",
  "thanks",
  "sos",
  "report",
  "dispute",
  "checkin",
  "query",
  "none",
] as const;

/** One of the twelve. */
export type IntentLabel = (typeof INTENT_LABELS)[number];

/** A request's categories. */
export const CATEGORY_LABELS = ["borrow", "errand", "repair", "ride", "childcare", "care", "companionship", "medical", "other"] as const;

/** One labelled message, as the corpus files hold it. */
export interface Labelled {
  id: string;
  text: string;
  intent: IntentLabel;
  category?: (typeof CATEGORY_LABELS)[number];
  when?: string;
  hours?: number;
  count?: number;
}

/** Whether a parsed JSON line is a well-formed labelled message (bad lines are refused, never guessed at). */
export function isLabelled(value: unknown): value is Labelled {
  if (!value || typeof value !== "object") return false;
  const item = value as Record<string, unknown>;
  return (
    typeof item.id === "string" &&
    typeof item.text === "string" &&
    (INTENT_LABELS as readonly string[]).includes(item.intent as string) &&
    (item.category === undefined || (CATEGORY_LABELS as readonly string[]).includes(item.category as string))
  );
}
