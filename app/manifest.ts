import type { MetadataRoute } from "next";

// Installable on a tablet's home screen; opens straight into the field app.
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "FRA Atlas · Field",
    short_name: "FRA Field",
    description: "Digitise Forest Rights Act claim forms and map parcels, offline",
    start_url: "/field",
    scope: "/",
    display: "standalone",
    orientation: "any",
    background_color: "#f6f7f5",
    theme_color: "#17382b",
    icons: [{ src: "/icons/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" }],
  };
}
