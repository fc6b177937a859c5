// GeoJSON polygons from outside (a drawn parcel, an upload) are checked here before PostGIS sees them.
import { z } from "zod";

const MAX_VERTICES = 5_000;

const position = z
  .tuple([z.number().finite().min(-180).max(180), z.number().finite().min(-90).max(90)])
  .rest(z.number().finite()) // an altitude is allowed and ignored
  .transform(([lon, lat]) => [lon, lat] as [number, number]);

const linearRing = z
  .array(position)
  .min(4, "a polygon ring needs at least 4 positions (3 corners and the closing one)")
  .refine((ring) => {
    const a = ring[0]!;
    const b = ring[ring.length - 1]!;
    return a[0] === b[0] && a[1] === b[1];
  }, "a polygon ring must end where it starts");

// Exported for boundary files, whose polygons are larger than any parcel and have no vertex limit.
export const polygonCoords = z.array(linearRing).min(1);
const parcelPolygonCoords = polygonCoords.max(50);

export const polygonGeometrySchema = z
  .discriminatedUnion("type", [
    z.object({ type: z.literal("Polygon"), coordinates: parcelPolygonCoords }),
    z.object({ type: z.literal("MultiPolygon"), coordinates: z.array(parcelPolygonCoords).min(1).max(50) }),
  ])
  .refine((g) => JSON.stringify(g.coordinates).split("],[").length <= MAX_VERTICES, `at most ${MAX_VERTICES} vertices`);

export type PolygonGeometry = z.infer<typeof polygonGeometrySchema>;

/** A parcel's polygons, one or many alike: a Polygon's coordinates as a MultiPolygon's. */
export const polygonsOf = (g: PolygonGeometry): Array<Array<Array<[number, number]>>> => (g.type === "Polygon" ? [g.coordinates] : g.coordinates);

/** A MultiPolygon as the server writes it (from PostGIS, already checked): its shape, not its validity. */
export const storedMultiPolygonSchema = z.object({
  type: z.literal("MultiPolygon"),
  coordinates: z.array(z.array(z.array(z.tuple([z.number(), z.number()])))),
});
export type MultiPolygonGeometry = z.infer<typeof storedMultiPolygonSchema>;
