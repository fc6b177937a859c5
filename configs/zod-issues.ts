// A zod error as one line a person can act on: `path: message; path: message`.
import type { z } from "zod";

/** `whole` names an issue about the value as a whole (an empty path). */
export function describeIssues(error: z.ZodError, whole = ""): string {
  return error.issues.map((i) => `${i.path.join(".") || whole}: ${i.message}`).join("; ");
}
