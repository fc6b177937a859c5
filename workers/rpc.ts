// A typed request/response channel over postMessage, for the app's own workers: each call gets an id,
// progress messages on the way, then one result or one error. `Api` maps a method name to its request,
// result and progress types.
export type ApiShape = Record<string, { request: unknown; result: unknown; progress?: unknown }>;

type Call = { id: number; method: string; request: unknown };
type Reply =
  | { id: number; kind: "progress"; progress: unknown }
  | { id: number; kind: "result"; result: unknown }
  | { id: number; kind: "error"; message: string; name: string };

export class WorkerCallError extends Error {}

/** The page's side: call methods of a worker and get promises back. */
export function workerClient<Api extends ApiShape>(worker: Worker) {
  let next = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; onProgress?: (p: unknown) => void }>();
  worker.addEventListener("message", (event: MessageEvent<Reply>) => {
    const reply = event.data;
    const call = pending.get(reply.id);
    if (!call) return;
    if (reply.kind === "progress") return call.onProgress?.(reply.progress);
    pending.delete(reply.id);
    if (reply.kind === "result") call.resolve(reply.result);
    else call.reject(Object.assign(new WorkerCallError(reply.message), { name: reply.name }));
  });
  worker.addEventListener("error", (event) => {
    // A worker that failed to load or threw outside a call: every open call fails with the reason.
    for (const call of pending.values()) call.reject(new WorkerCallError(event.message || "the worker failed to start"));
    pending.clear();
  });
  return {
    call<M extends keyof Api & string>(method: M, request: Api[M]["request"], options: { onProgress?: (p: Api[M]["progress"]) => void; transfer?: Transferable[] } = {}): Promise<Api[M]["result"]> {
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress: options.onProgress as (p: unknown) => void });
        worker.postMessage({ id, method, request } satisfies Call, options.transfer ?? []);
      });
    },
    terminate() {
      worker.terminate();
      for (const call of pending.values()) call.reject(new WorkerCallError("cancelled"));
      pending.clear();
    },
  };
}

type Handlers<Api extends ApiShape> = {
  [M in keyof Api]: (request: Api[M]["request"], progress: (p: Api[M]["progress"]) => void) => Promise<Api[M]["result"]>;
};

/** The worker's side: answer calls with the handlers, one reply per call. */
export function serveWorker<Api extends ApiShape>(scope: { onmessage: ((e: MessageEvent<Call>) => void) | null; postMessage: (m: Reply) => void }, handlers: Handlers<Api>) {
  scope.onmessage = async (event: MessageEvent<Call>) => {
    const { id, method, request } = event.data;
    const handler = handlers[method as keyof Api];
    try {
      if (!handler) throw new Error(`no method ${method}`);
      const result = await handler(request as never, (progress) => scope.postMessage({ id, kind: "progress", progress }));
      scope.postMessage({ id, kind: "result", result });
    } catch (error) {
      scope.postMessage({ id, kind: "error", message: error instanceof Error ? error.message : String(error), name: error instanceof Error ? error.name : "Error" });
    }
  };
}
