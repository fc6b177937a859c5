import type { Metadata, Viewport } from "next";
import { FieldApp } from "@/components/field/FieldApp";

// A static page: the service worker keeps it, so the tablet opens it with no network. Who is signed in
// is asked from the page (and remembered on the tablet), not decided here.
export const dynamic = "force-static";

export const metadata: Metadata = { title: "FRA Atlas · Field", description: "Digitise Forest Rights Act claim forms offline", manifest: "/manifest.webmanifest" };
export const viewport: Viewport = { themeColor: "#17382b", width: "device-width", initialScale: 1 };

export default function FieldPage() {
  return <FieldApp />;
}
