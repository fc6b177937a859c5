// A community forest resource claim's bordering villages: Form C names them, and the boundary mapped for
// the claim touches some on the village map. The two lists are set side by side for the committees: a
// village named on the form that the mapped boundary does not reach, or one it reaches that the form does
// not name, is where the boundary or the form needs a second look.

export const MAX_BORDERING_VILLAGES = 30;
export const MAX_VILLAGE_NAME_CHARS = 100;
export const BORDERING_ONLY_CFR = "only a community forest resource claim (Form C) names its bordering villages";

export type MapVillage = { name: string; nameLocal: string };
export type BorderingComparison = {
  /** Named on the form, and along the mapped boundary: with its spelling on record. */
  confirmed: MapVillage[];
  /** Named on the form, not along the mapped boundary. */
  notOnMap: string[];
  /** Along the mapped boundary, not named on the form. */
  notNamed: MapVillage[];
};

// The same village as written by hand and as on record: case, Latin accents, spaces and punctuation aside
// (Devanagari's vowel signs are marks too, and tell names apart: they stay).
const comparable = (name: string) => name.normalize("NFKD").replace(/[\u0300-\u036f\s.,'’-]/g, "").toLowerCase();

/** The village along the boundary that a name on the form is, by either spelling. */
const villageNamed = (onMap: readonly MapVillage[], name: string) =>
  onMap.find((v) => comparable(v.name) === comparable(name) || (v.nameLocal !== "" && comparable(v.nameLocal) === comparable(name)));

/** Sets the form's names (`stated`) against the villages along the mapped boundary. */
export function compareBorderingVillages(stated: readonly string[], onMap: readonly MapVillage[]): BorderingComparison {
  const found = new Set<MapVillage>();
  const notOnMap: string[] = [];
  for (const name of stated) {
    const village = villageNamed(onMap, name);
    if (village) found.add(village);
    else notOnMap.push(name);
  }
  return { confirmed: onMap.filter((v) => found.has(v)), notOnMap, notNamed: onMap.filter((v) => !found.has(v)) };
}

/** The names a worker typed from the form, one list: separated by commas, semicolons or lines; repeats dropped. */
export function borderingVillagesFromText(text: string): string[] {
  const names = text.split(/[,;\n]/).map((s) => s.trim().replace(/\s+/g, " ")).filter(Boolean);
  return names.filter((name, i) => names.findIndex((other) => comparable(other) === comparable(name)) === i);
}

/** What a title prints: the form's names, each with its spelling on record where the map has it, or, where
 *  the form named none (a claim filed before they were recorded), the villages along the mapped boundary. */
export function titleBorderingVillages(stated: readonly string[], onMap: readonly MapVillage[]): MapVillage[] {
  if (stated.length === 0) return [...onMap];
  return stated.map((name) => villageNamed(onMap, name) ?? { name, nameLocal: "" });
}
