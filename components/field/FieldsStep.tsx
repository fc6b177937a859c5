"use client";
// The claim form as the model read it. Each field shows how sure the model was and, when focused, where
// on the page it was read; unsure fields are flagged. The user types over a field, or selects the right
// words in the OCR text and assigns them: either way the edit is kept as a correction for retraining.
import { useLiveQuery } from "dexie-react-hooks";
import { useMemo, useRef, useState } from "react";
import { COMMUNITY_RIGHT_LABELS, FORM_B_RIGHT_LINES, type CommunityRight } from "@/configs/community-rights";
import type { FormField } from "@/configs/contracts/field";
import { FORM_FIELD_LABELS, FORM_FIELDS, LOW_CONFIDENCE, DRAFT_PART_LABELS, type FormFieldKey } from "@/configs/field";
import { CLAIM_TYPES, TYPE_LABELS, type ClaimType } from "@/configs/workflow";
import { errorMessage } from "@/components/trpc";
import type { Draft, FieldDatabase } from "@/workers/db/field-db";
import { matchVillages } from "@/workers/field/form-from-entities";
import { pageOfSpan } from "@/workers/field/pages-text";
import { recordMismatches } from "@/workers/field/village-record";
import type { SecondLookGave } from "@/workers/field/second-look";
import { fieldUnsureNumbers } from "@/workers/field/unsure-numbers";
import { highlightRects } from "@/workers/ocr/words";
import { editField, pickField, updateDraft } from "./drafts";
import { PageImage } from "./PageImage";

const SECOND_LOOK_NAMES: Record<SecondLookGave, string> = {
  claimant: "the claimant's name", relative: "the father's or mother's name", village: "the village (item 5)", category: "ST or OTFD (item 9)", area: "the area (item 11)",
  khasra: "the survey or khasra numbers (item 12)", spouse: "the spouse's name", claimantLocal: "the Devanagari name", tehsil: "the tehsil", district: "the district",
  borderingVillages: "the bordering villages (Form C, item 7)",
};
const TEXT_FIELDS = FORM_FIELDS.filter((k) => k !== "type" && k !== "category" && k !== "village");

/** A field to look at before sending: read by the model without much confidence, or off the form's print. */
const needsCheck = (field: FormField) => field.source === "form" || (field.source === "model" && (field.confidence ?? 0) < LOW_CONFIDENCE);

// The fields whose numbers tesseract says how sure it was of (the date is read into a new form, so its
// digits cannot be matched to the page's words).
const NUMBER_FIELDS: ReadonlySet<FormFieldKey> = new Set(["khasra", "area"]);

const FROM_THE_FORM = <span className="conf low" title="Read after the form's printed label, not by the model">check: from the form</span>;

function Confidence({ field, unsure = [] }: { field: FormField; unsure?: readonly string[] }) {
  if (field.source === "user") return <span className="conf user">edited</span>;
  if (unsure.length) return <span className="conf low" title="Tesseract was unsure of these characters on the photo">check: OCR unsure of {unsure.join(", ")}</span>;
  if (field.source === "form") return <span className="conf low" title="Read after the form's printed label, not by the model">check: from the form</span>;
  if (field.source === "record") return <span className="conf high" title="A community's form names no person: the claim is the Gram Sabha's">the village's Gram Sabha</span>;
  if (field.source === "empty" || field.confidence === null) return <span className="conf none">not found</span>;
  const low = needsCheck(field);
  return <span className={`conf ${low ? "low" : "high"}`} title="How sure the model was">{low ? "check: " : ""}{Math.round(field.confidence * 100)}%</span>;
}

export function FieldsStep({ db, draft, locked }: { db: FieldDatabase; draft: Draft; locked: boolean }) {
  const pages = useLiveQuery(() => db.pages.where("draftId").equals(draft.id).sortBy("index"), [db, draft.id]) ?? [];
  const area = useLiveQuery(() => db.area.get("area"), [db]);
  const [focus, setFocus] = useState<FormFieldKey | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [assignTo, setAssignTo] = useState<FormFieldKey>("claimant");
  const textRef = useRef<HTMLPreElement>(null);
  const villages = area?.area.villages ?? [];
  const f = draft.fields;
  const suggestions = useMemo(
    () => matchVillages(villages, { village: f.village.value || undefined, gramPanchayat: f.gramPanchayat.value || undefined, tehsil: f.tehsil.value || undefined }),
    [villages, f.village.value, f.gramPanchayat.value, f.tehsil.value],
  );
  const chosenVillage = villages.find((v) => v.id === draft.villageId) ?? null;
  const mismatches = recordMismatches(f, chosenVillage);
  const borderingRead = draft.extraction?.borderingVillages ?? [];
  // The list as the page gave it, not yet looked over (the worker's own edit of it is theirs).
  const borderingAsRead = borderingRead.length > 0 && draft.borderingVillages === borderingRead.join(", ");
  const communityRead = draft.extraction?.community ?? null;
  const communityAsRead = communityRead !== null && draft.community === communityRead;
  const rightsRead = draft.extraction?.rights ?? null;
  const rightsAsRead = rightsRead !== null && JSON.stringify(draft.rightsClaimed ?? []) === JSON.stringify(rightsRead.claimed);
  const chosenRights = new Set(draft.rightsClaimed ?? []);
  const withRight = (right: CommunityRight, on: boolean) =>
    FORM_B_RIGHT_LINES.map((r) => r.right).filter((r) => (r === right ? on : chosenRights.has(r)));

  const run = (work: Promise<void>) => work.then(() => setError(null), (e: unknown) => setError(errorMessage(e)));

  // Where the focused field was read: the page and the rectangles of its words.
  const span = focus ? f[focus].span : null;
  const located = span && draft.extraction ? pageOfSpan(draft.extraction.pageOffsets, pages, span.start, span.end) : null;
  const shownPage = located?.page ?? pages[0];
  const secondLook = draft.extraction?.secondLook ?? (draft.extraction?.claimantSecondLookPageId ? { pageId: draft.extraction.claimantSecondLookPageId, fields: ["claimant" as const] } : null);
  const secondLookPage = pages.find((p) => p.id === secondLook?.pageId)?.index ?? null;
  const rereadPage = pages.find((p) => p.id === draft.extraction?.claimantLocalRereadPageId)?.index ?? null;
  const khasraRereadPage = pages.find((p) => p.id === draft.extraction?.khasraRereadPageId)?.index ?? null;
  const dateRereadPage = pages.find((p) => p.id === draft.extraction?.dateRereadPageId)?.index ?? null;
  const rects = located ? highlightRects(located.page.ocr.words, located.start, located.end) : [];

  function assignSelection() {
    const text = textRef.current;
    const selection = window.getSelection();
    if (!text || !selection || selection.rangeCount === 0 || selection.isCollapsed) return setError("Select the words in the text first.");
    const range = selection.getRangeAt(0);
    const before = document.createRange();
    before.selectNodeContents(text);
    before.setEnd(range.startContainer, range.startOffset);
    const start = before.toString().length;
    const end = start + range.toString().length;
    void run(pickField(db, draft.id, assignTo, start, end));
  }

  if (!draft.extraction && pages.length === 0) return <div className="step"><p>Add the form's pages first; the fields are read from them.</p></div>;
  return (
    <div className="step fields-step">
      <form className="claim-form" aria-label="Claim fields" onSubmit={(e) => e.preventDefault()}>
        {error && <p className="error" role="alert">{error}</p>}
        <label className="form-row">
          <span>{FORM_FIELD_LABELS.type} <Confidence field={f.type} /></span>
          <select disabled={locked} value={draft.type} onFocus={() => setFocus("type")} onChange={(e) => void run(updateDraft(db, draft.id, { type: e.target.value as ClaimType }).then(() => editField(db, draft.id, "type", e.target.value)))}>
            {CLAIM_TYPES.map((t) => <option key={t} value={t}>{TYPE_LABELS[t]}</option>)}
          </select>
        </label>
        <label className="form-row">
          <span>{FORM_FIELD_LABELS.category} <Confidence field={f.category} /></span>
          <select disabled={locked} value={f.category.value} onFocus={() => setFocus("category")} onChange={(e) => void run(editField(db, draft.id, "category", e.target.value))}>
            <option value="">—</option>
            <option value="ST">Scheduled Tribe (ST)</option>
            <option value="OTFD">Other Traditional Forest Dweller (OTFD)</option>
          </select>
        </label>
        <div className="form-row village">
          <label>
            <span>{FORM_FIELD_LABELS.village} (as written) <Confidence field={f.village} /></span>
            <input disabled={locked} defaultValue={f.village.value} key={`village-${f.village.value}`} onFocus={() => setFocus("village")}
              onBlur={(e) => void run(editField(db, draft.id, "village", e.target.value))} />
          </label>
          <label>
            <span>Village on record {chosenVillage ? "" : <span className="conf low">choose</span>}</span>
            <select disabled={locked} aria-label="Village on record" value={draft.villageId ?? ""} onChange={(e) => void run(updateDraft(db, draft.id, { villageId: e.target.value ? Number(e.target.value) : null }))}>
              <option value="">Choose the village…</option>
              {suggestions.length > 0 && (
                <optgroup label="Best matches">
                  {suggestions.map((s) => <option key={`s${s.village.id}`} value={s.village.id}>{s.village.name} ({s.village.gramPanchayat} GP, {s.village.tehsil}) · {Math.round(s.score * 100)}%</option>)}
                </optgroup>
              )}
              <optgroup label="All villages of your area">
                {villages.map((v) => <option key={v.id} value={v.id}>{v.name} {v.nameLocal} · {v.censusCode}</option>)}
              </optgroup>
            </select>
          </label>
        </div>
        {mismatches.length > 0 && (
          <p className="form-row flagged record-mismatch" role="status">
            <span className="conf low">check the village:</span>{" "}
            {mismatches.map((m) => `the form's ${FORM_FIELD_LABELS[m.key]} is ${m.onForm}, the record's ${m.onRecord}`).join("; ")}
          </p>
        )}
        {TEXT_FIELDS.map((key) => {
          const field = f[key];
          const unsure = NUMBER_FIELDS.has(key) && draft.extraction ? fieldUnsureNumbers(field, draft.extraction.pageOffsets, pages) : [];
          return (
            <label key={key} className={`form-row${needsCheck(field) || unsure.length ? " flagged" : ""}${focus === key ? " focused" : ""}`}>
              <span>{FORM_FIELD_LABELS[key]}{key === "area" ? " (ha)" : ""} <Confidence field={field} unsure={unsure} /></span>
              <input disabled={locked} name={key} defaultValue={field.value} key={`${key}-${field.value}`} onFocus={() => setFocus(key)}
                lang={key === "claimantLocal" ? "hi" : undefined}
                placeholder={key === "filedOn" ? "YYYY-MM-DD or 14/03/2009" : key === "khasra" ? "212/3, 214" : ""}
                onBlur={(e) => void run(editField(db, draft.id, key, e.target.value))} />
            </label>
          );
        })}
        {draft.type === "CFR" && (
          <label className={`form-row${borderingAsRead ? " flagged" : ""}`}>
            <span>{DRAFT_PART_LABELS.borderingVillages} {borderingAsRead && FROM_THE_FORM}</span>
            <textarea disabled={locked} name="borderingVillages" defaultValue={draft.borderingVillages ?? ""} key={`bordering-${draft.borderingVillages ?? ""}`}
              placeholder="As written on the form, separated by commas" onBlur={(e) => void run(updateDraft(db, draft.id, { borderingVillages: e.target.value }))} />
          </label>
        )}
        {draft.type !== "IFR" && (
          <label className={`form-row${communityAsRead ? " flagged" : ""}`}>
            <span>{DRAFT_PART_LABELS.community} {communityAsRead && FROM_THE_FORM}</span>
            <input disabled={locked} name="community" defaultValue={draft.community ?? ""} key={`community-${draft.community ?? ""}`}
              placeholder="Kotmi Gram Sabha (Gond community)" onBlur={(e) => void run(updateDraft(db, draft.id, { community: e.target.value }))} />
          </label>
        )}
        {draft.type === "CR" && (
          <fieldset className={`form-row rights${rightsAsRead ? " flagged" : ""}`}>
            <legend>{DRAFT_PART_LABELS.rightsClaimed} {rightsAsRead && FROM_THE_FORM}</legend>
            {rightsAsRead && rightsRead.unread.length > 0 && (
              <p className="conf low" role="status">not read from the page: {rightsRead.unread.map((r) => COMMUNITY_RIGHT_LABELS[r]).join("; ")}. Look at the page and tick what it claims.</p>
            )}
            {FORM_B_RIGHT_LINES.map(({ right }) => (
              <label key={right} className="check">
                <input type="checkbox" disabled={locked} name={`right-${right}`} checked={chosenRights.has(right)}
                  onChange={(e) => void run(updateDraft(db, draft.id, { rightsClaimed: withRight(right, e.target.checked) }))} />
                {COMMUNITY_RIGHT_LABELS[right]}
              </label>
            ))}
          </fieldset>
        )}
      </form>
      <div className="evidence">
        {shownPage && <PageImage page={shownPage} rects={rects} />}
        {draft.extraction && (
          <>
            <div className="assign">
              <span>Select words below, then</span>
              <select aria-label="Assign selection to" value={assignTo} onChange={(e) => setAssignTo(e.target.value as FormFieldKey)} disabled={locked}>
                {FORM_FIELDS.map((k) => <option key={k} value={k}>{FORM_FIELD_LABELS[k]}</option>)}
              </select>
              <button onClick={assignSelection} disabled={locked}>Use selection</button>
              <span className="muted">Read by model v{draft.extraction.modelVersion} on {draft.extraction.backend === "webgpu" ? "WebGPU" : "WebAssembly"} in {Math.round(draft.extraction.ms)} ms{secondLook && secondLookPage !== null && ` · ${secondLook.fields.map((k) => SECOND_LOOK_NAMES[k]).join(" and ")} from a second reading of page ${secondLookPage}`}{rereadPage !== null && ` · the Devanagari name from a reading of its line alone on page ${rereadPage}`}{khasraRereadPage !== null && ` · a survey or khasra number from a closer reading of its word on page ${khasraRereadPage}`}{dateRereadPage !== null && ` · the date from a closer reading of its numbers on page ${dateRereadPage}`}</span>
            </div>
            <pre ref={textRef} className="ocr-text" aria-label="OCR text">{draft.extraction.text}</pre>
          </>
        )}
      </div>
    </div>
  );
}
