"use client";
// The field tablet's app: drafts on the left, the open draft on the right, and a status bar that tells
// whether the tablet is online, what waits to sync, how much storage is used and which model reads forms.
import { useLiveQuery } from "dexie-react-hooks";
import { useState } from "react";
import type { NerBackend } from "@/workers/ner/ner-client";
import { AreaDecisions } from "./AreaDecisions";
import { DraftEditor } from "./DraftEditor";
import { DraftList } from "./DraftList";
import { newDraft } from "./drafts";
import { StatusBar } from "./StatusBar";
import { useFieldSession, type FieldUser } from "./useFieldSession";
import { useArea, useFieldModel, useOcrLanguages, useOnline, useServiceWorker, useStorage, useSync } from "./useFieldServices";
import type { FieldDatabase } from "@/workers/db/field-db";
import { stepsByClaim, refusedSteps } from "@/workers/field/claim-steps";

export function FieldApp() {
  const session = useFieldSession();
  const serviceWorker = useServiceWorker();
  if (session.state === "loading") return <main className="field-splash">Opening FRA Atlas…</main>;
  if (session.state === "signed-out") {
    return (
      <main className="field-splash">
        <h1>FRA Atlas · Field</h1>
        {session.offline ? (
          <p>This tablet has no signed-in user yet. Connect to the network once and sign in; after that the app works offline.</p>
        ) : (
          <p><a href="/login?next=/field">Sign in</a> to digitise claim forms.</p>
        )}
      </main>
    );
  }
  return <FieldWorkspace user={session.user} db={session.db} serviceWorker={serviceWorker} />;
}

function FieldWorkspace({ user, db, serviceWorker }: { user: FieldUser; db: FieldDatabase; serviceWorker: { ready: boolean; error: string | null } }) {
  const online = useOnline();
  const area = useArea(db, user.id, online);
  // The area's villages as the tablet holds them (undefined while IndexedDB is read).
  const areaVillages = useLiveQuery(async () => (await db.area.get("area"))?.area.villages ?? [], [db]);
  const ocrLanguages = useOcrLanguages(areaVillages, online, serviceWorker.ready);
  const [prefer, setPrefer] = useState<NerBackend | "auto">("auto");
  const model = useFieldModel(online, prefer);
  const sync = useSync(db, online, model.ner);
  const storage = useStorage();
  const drafts = useLiveQuery(() => db.drafts.orderBy("updatedAt").reverse().toArray(), [db]) ?? [];
  const [selected, setSelected] = useState<string | null>(null);
  // The area's workflow steps: their page lists them, and the button to it counts the refused ones.
  const stepRows = useLiveQuery(() => stepsByClaim(db), [db]);
  const [decisions, setDecisions] = useState(false); // the workflow steps on the area's claims, instead of a draft
  const current = drafts.find((d) => d.id === selected) ?? null;
  const openDraft = (id: string | null) => {
    setDecisions(false);
    setSelected(id);
  };

  async function create() {
    const id = await newDraft(db);
    openDraft(id);
    if (!storage.storage?.persisted) void storage.persist(); // ask once there is work to lose
  }

  return (
    <div className="field-app">
      <header className="topbar">
        <span className="brand">FRA Atlas · Field</span>
        <span className="user">{user.displayName}</span>
        <a className="topbar-link" href="/">Review map</a>
      </header>
      <StatusBar db={db} online={online} sync={sync} model={model} prefer={prefer} onPrefer={setPrefer} storage={storage} areaError={area.error} areaVillages={areaVillages?.length ?? null} ocrLanguages={ocrLanguages} serviceWorkerReady={serviceWorker.ready} serviceWorkerError={serviceWorker.error} />
      <div className="field-workspace">
        <DraftList drafts={drafts} selected={decisions ? null : selected} onSelect={openDraft} onNew={create} onDecisions={() => setDecisions(true)} refusedSteps={stepRows ? refusedSteps(stepRows).length : 0} />
        {decisions ? (
          <AreaDecisions db={db} villages={areaVillages ?? []} steps={stepRows} onSyncNow={() => void sync.syncNow()} />
        ) : current ? (
          <DraftEditor key={current.id} db={db} draft={current} model={model} onDeleted={() => setSelected(null)} onSyncNow={sync.syncNow} />
        ) : (
          <section className="field-empty">
            <p>Choose a draft, or start a new one and photograph the claim form.</p>
            <button className="primary" onClick={create}>New claim from a form</button>
          </section>
        )}
      </div>
    </div>
  );
}
