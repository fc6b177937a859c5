// Page photos go up after their claim: in chunks of at most 1 MB through PUT /api/uploads/<page id>,
// asking the server first how much it already holds (HEAD), so a dropped connection resumes where it
// broke instead of starting over. A file that arrives whole but does not hash right is sent again once.
import { MAX_CHUNK_BYTES } from "@/configs/contracts/uploads";
import type { FieldDatabase, PageRecord } from "@/workers/db/field-db";

type Fetch = typeof fetch;
export type UploadReport = { uploaded: number; failed: number; lastError: string | null };

async function serverOffset(fetchFn: Fetch, page: PageRecord): Promise<{ offset: number; complete: boolean }> {
  const head = await fetchFn(`/api/uploads/${page.id}`, { method: "HEAD", cache: "no-store" });
  if (head.status === 404) return { offset: 0, complete: false };
  if (!head.ok) throw new Error(`the server did not say how much of page ${page.index} it has (HTTP ${head.status})`);
  return { offset: Number(head.headers.get("upload-offset") ?? "0"), complete: head.headers.get("upload-complete") === "true" };
}

async function uploadPage(fetchFn: Fetch, page: PageRecord, claimId: string): Promise<void> {
  let { offset, complete } = await serverOffset(fetchFn, page);
  let restarts = 0;
  while (!complete) {
    const chunk = page.image.slice(offset, Math.min(offset + MAX_CHUNK_BYTES, page.bytes));
    const response = await fetchFn(`/api/uploads/${page.id}`, {
      method: "PUT",
      body: chunk,
      headers: {
        "content-type": "image/jpeg",
        "x-fra-upload": "1",
        "x-claim-id": claimId,
        "x-page": String(page.index),
        "x-sha256": page.sha256,
        "upload-offset": String(offset),
        "upload-length": String(page.bytes),
      },
    });
    const body = (await response.json().catch(() => ({}))) as { receivedBytes?: number; complete?: boolean; error?: string };
    if (response.status === 422 && restarts++ === 0) {
      offset = 0; // the server discarded a corrupted copy: once more from the start
      continue;
    }
    if (response.status === 409) {
      ({ offset, complete } = await serverOffset(fetchFn, page)); // another attempt got further: continue from there
      continue;
    }
    if (!response.ok) throw new Error(body.error ?? `page ${page.index}: HTTP ${response.status}`);
    offset = body.receivedBytes ?? offset + chunk.size;
    complete = body.complete === true;
  }
}

/** Uploads every page of synced drafts that the server does not have yet. */
export async function uploadPages(db: FieldDatabase, fetchFn: Fetch = fetch): Promise<UploadReport> {
  const report: UploadReport = { uploaded: 0, failed: 0, lastError: null };
  const synced = await db.drafts.where("state").equals("synced").toArray();
  for (const draft of synced) {
    const pages = await db.pages.where("draftId").equals(draft.id).filter((p) => p.upload.state !== "done").sortBy("index");
    for (const page of pages) {
      try {
        await uploadPage(fetchFn, page, draft.id);
        await db.pages.update(page.id, { upload: { state: "done", offset: page.bytes, message: null } });
        report.uploaded++;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await db.pages.update(page.id, { upload: { ...page.upload, state: "failed", message } });
        report.failed++;
        report.lastError = message;
        if (error instanceof TypeError) return report; // the network is gone: the rest waits for the next sync
      }
    }
  }
  return report;
}
