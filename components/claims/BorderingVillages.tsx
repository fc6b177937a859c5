// A community forest resource's bordering villages on the claim panel: Form C's list set against the
// villages the mapped boundary reaches, so that a committee sees where the two disagree.
import { compareBorderingVillages, type MapVillage } from "@/configs/bordering-villages";

export function BorderingVillages({ stated, alongBoundary }: { stated: readonly string[]; alongBoundary: readonly MapVillage[] }) {
  const names = (villages: readonly MapVillage[]) => villages.map((v) => v.name).join(", ");
  if (stated.length === 0) {
    return <>Not recorded from Form C. Along the mapped boundary: {names(alongBoundary) || "none within 50 m"}.</>;
  }
  const { notOnMap, notNamed } = compareBorderingVillages(stated, alongBoundary);
  return (
    <>
      {stated.join(", ")} <span className="muted">(Form C)</span>
      {notOnMap.length === 0 && notNamed.length === 0 && <div className="muted">Each is along the mapped boundary.</div>}
      {notOnMap.length > 0 && <div className="warning" data-testid="bordering-not-on-map">Named on the form, not along the mapped boundary: {notOnMap.join(", ")}</div>}
      {notNamed.length > 0 && <div className="warning" data-testid="bordering-not-named">Along the mapped boundary, not named on the form: {names(notNamed)}</div>}
    </>
  );
}
