// A name the claim holds in English letters and in Devanagari: the document's own script first, the other
// after it in brackets, each marked with its language.
export function BothScripts({ latin, local, english, localTag }: { latin: string; local: string; english: boolean; localTag: string | undefined }) {
  if (!local || local === latin) return <>{latin}</>;
  return english ? <>{latin} <span lang={localTag}>({local})</span></> : <>{local} <span lang="en">({latin})</span></>;
}
