"use client";
// The browser's typed tRPC client. Only the router's type crosses from server/ to here.
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/routers";

export const trpc = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url: "/api/trpc", maxURLLength: 4_000 })],
});

export type RouterOutputs = inferRouterOutputs<AppRouter>;

export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
