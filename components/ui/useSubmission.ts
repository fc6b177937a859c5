"use client";
// One user action in flight at a time: busy while it runs, and its error, in words, if it failed. The
// forms that record a decision, a notice's receipt or a step on the tablet share it.
import { useCallback, useState } from "react";
import { errorMessage } from "../trpc";

export function useSubmission() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** Runs `work`; resolves true if it succeeded, false (with `error` set) if it threw. */
  const submit = useCallback(async (work: () => Promise<void>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await work();
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  const clearError = useCallback(() => setError(null), []);
  return { busy, error, submit, clearError };
}
