"use client";
// Photograph or choose the form's pages; each is cleaned up, stored, and read by OCR with a progress bar
// that can be cancelled; then the model reads the fields from the pages' text.
import { useLiveQuery } from "dexie-react-hooks";
import { useEffect, useRef, useState } from "react";
import { errorMessage } from "@/components/trpc";
import type { Draft, FieldDatabase } from "@/workers/db/field-db";
import type { OcrProgress } from "@/workers/ocr/ocr-pool";
import { addPhotos, extractFields, ocrPages, type LookingAgain } from "./capture";
import { PageImage } from "./PageImage";
import { ocrPool } from "./services";
import type { ModelState } from "./useFieldServices";

const LOOKING_AGAIN: Record<LookingAgain, string> = {
  missed: "Looking again for what the first reading missed…",
  "devanagari-name": "Reading the Devanagari name again…",
  "unsure-number": "Reading an unsure number again…",
};

export function PagesStep({ db, draft, model, locked, onExtracted }: { db: FieldDatabase; draft: Draft; model: ModelState; locked: boolean; onExtracted: () => void }) {
  const pages = useLiveQuery(() => db.pages.where("draftId").equals(draft.id).sortBy("index"), [db, draft.id]) ?? [];
  const area = useLiveQuery(() => db.area.get("area"), [db]);
  const [progress, setProgress] = useState<Record<string, OcrProgress>>({});
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // OCR takes a while: read the model and the villages as they are when it ends, not when it began.
  const latest = useRef({ model, villages: area?.area.villages ?? [] });
  latest.current = { model, villages: area?.area.villages ?? [] };

  const onProgress = (pageId: string, p: OcrProgress | null) =>
    setProgress((all) => {
      const next = { ...all };
      if (p) next[pageId] = p;
      else delete next[pageId];
      return next;
    });

  async function readFields() {
    const { model: current, villages } = latest.current;
    if (!current.ner) return setProblems([current.error ?? "The field model is still loading: read the fields again in a moment."]);
    setBusy("Reading the fields…");
    try {
      const fresh = await db.drafts.get(draft.id);
      await extractFields(db, fresh!, villages, current.ner, ocrPool(), (what) => setBusy(LOOKING_AGAIN[what]));
      onExtracted();
    } catch (e) {
      setProblems([errorMessage(e)]);
    } finally {
      setBusy(null);
    }
  }

  async function onFiles(files: File[]) {
    setProblems([]);
    setBusy("Preparing photos…");
    const { added, problems } = await addPhotos(db, draft.id, files);
    setProblems(problems);
    setBusy(added.length ? "Reading the text (OCR)…" : null);
    if (!added.length) return;
    await ocrPages(db, ocrPool(), draft.id, onProgress);
    setBusy(null);
    // Only text worth reading goes to the model on its own: an unreadable page (a script the app does
    // not read, a blur) stays here with its warning, and "Read the fields again" still runs on demand.
    const readable = await db.pages.where("draftId").equals(draft.id).filter((p) => p.ocr.state === "done" && p.ocr.message === null).count();
    if (readable > 0) await readFields();
  }

  // A page left "running" by a reload gets read again.
  useEffect(() => {
    void db.pages.where("draftId").equals(draft.id).filter((p) => p.ocr.state === "running").modify((p) => void (p.ocr.state = "pending"));
  }, [db, draft.id]);

  const waiting = pages.filter((p) => p.ocr.state === "pending" || p.ocr.state === "failed" || p.ocr.state === "cancelled");
  return (
    <div className="step pages-step">
      {!locked && (
        <div className="capture">
          <label className="primary-button">
            Photograph / choose pages
            <input ref={input} type="file" accept="image/*" capture="environment" multiple hidden aria-label="Page photos"
              onChange={(e) => {
                const files = [...(e.target.files ?? [])];
                e.target.value = "";
                void onFiles(files);
              }} />
          </label>
          {waiting.length > 0 && <button onClick={() => void ocrPages(db, ocrPool(), draft.id, onProgress)}>Read {waiting.length} page{waiting.length > 1 ? "s" : ""} again</button>}
          {pages.some((p) => p.ocr.state === "done") && <button onClick={readFields} disabled={Boolean(busy)}>Read the fields again</button>}
          {busy && <span className="muted" role="status">{busy}</span>}
        </div>
      )}
      {problems.length > 0 && <ul className="problems" role="alert">{problems.map((p, i) => <li key={i}>{p}</li>)}</ul>}
      <div className="page-grid">
        {pages.map((page) => {
          const p = progress[page.id];
          return (
            <figure key={page.id} className="page-card" data-testid="page-card">
              <PageImage page={page} rects={[]} />
              <figcaption>
                Page {page.index} · {(page.bytes / 1024).toFixed(0)} KB{Math.abs(page.skewDegrees) >= 0.1 ? ` · straightened ${page.skewDegrees.toFixed(1)}°` : ""}
                {p ? (
                  <div className="ocr-progress">
                    <progress max={1} value={p.phase === "recognizing" ? p.progress : undefined} aria-label={`OCR of page ${page.index}`} />
                    <span>{p.phase === "queued" ? "waiting" : p.phase === "loading" ? "starting OCR" : `${Math.round(p.progress * 100)}%`}</span>
                    <button onClick={() => ocrPool().cancel(page.id)}>Cancel</button>
                  </div>
                ) : (
                  <div className={`ocr-state ${page.ocr.state}`} data-testid="ocr-state">
                    {page.ocr.state === "done" ? `Text read (${page.ocr.words.length} words, confidence ${Math.round(page.ocr.confidence)}%) in ${(page.ocr.ms / 1000).toFixed(1)} s` : page.ocr.state}
                  </div>
                )}
                {page.ocr.message && <div className="warning">{page.ocr.message}</div>}
              </figcaption>
            </figure>
          );
        })}
      </div>
    </div>
  );
}
