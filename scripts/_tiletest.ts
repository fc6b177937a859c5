import { VectorTile } from "@mapbox/vector-tile";
import Pbf from "pbf";
import { openDatabase } from "@/server/db/open";
import { renderTile } from "@/server/services/tiles";
const d = await openDatabase({ dataDir: "/tmp/seedtest" });
const admin = { id: "x", username: "a", displayName: "a", role: "admin" as const, districtIds: [], tehsilIds: [] };
for (const [z, lon, lat] of [[6, 80, 20], [9, 80.2, 19.7], [12, 80.2, 19.7], [14, 80.2, 19.7]] as const) {
  const n = 2 ** z; const x = Math.floor(((lon + 180) / 360) * n);
  const y = Math.floor(((1 - Math.log(Math.tan((lat * Math.PI) / 180) + 1 / Math.cos((lat * Math.PI) / 180)) / Math.PI) / 2) * n);
  const t0 = performance.now(); const b = await renderTile(d.db, admin, { z, x, y }, {});
  const vt = new VectorTile(new Pbf(b));
  console.log(z, x, y, b.length, (performance.now() - t0).toFixed(1), Object.fromEntries(Object.entries(vt.layers).map(([k, l]) => [k, l.length])), vt.layers.claims?.feature(0).properties, JSON.stringify(vt.layers.counts?.feature(0).loadGeometry()));
}
await d.close();
