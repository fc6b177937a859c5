"use client";
// One claim's detail, shared by the claim panel and the map's drawing of the selected claim (one request).
import { useQuery } from "@tanstack/react-query";
import { trpc } from "../trpc";

export function useClaim(claimNo: string | null) {
  return useQuery({ queryKey: ["claim", claimNo], queryFn: () => trpc.claims.get.query({ claimNo: claimNo! }), enabled: claimNo !== null });
}
