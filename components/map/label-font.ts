// The maps' styles name no glyph server: MapLibre (5.11+) then draws label glyphs itself from the
// device's own fonts (TinySDF), so labels work offline and nothing is fetched for them. Labels are in
// English only: MapLibre lays text out glyph by glyph, which breaks Devanagari conjuncts.
export const LABEL_FONT = ["sans-serif"];
