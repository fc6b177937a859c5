"use client";
// An action (an admin's, an import): runs the call, says how it went (its own words on success, the server's error
// otherwise), and refreshes what the call changed. `busy` while it runs, so a button is not pressed twice.
import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage } from "../trpc";

export type ActionMessage = { ok: boolean; text: string };

/** `refresh`: the queries to reload after a success (all of them when left out). */
export function useAction(refresh?: QueryKey) {
  const client = useQueryClient();
  const [message, setMessage] = useState<ActionMessage | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ ok: true, text: await work() });
      void client.invalidateQueries(refresh ? { queryKey: refresh } : undefined);
    } catch (e) {
      setMessage({ ok: false, text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  return { message, busy, run };
}
