// What the tablet accepts as a page photo, checked before anything is decoded or stored: a JPEG, PNG or
// WebP by its first bytes (a renamed PDF or a text file is refused whatever its name says) and a size a
// tablet can decode.
import { MAX_PHOTO_BYTES } from "@/configs/field";

export type PhotoKind = "image/jpeg" | "image/png" | "image/webp";

export function sniffImageType(head: Uint8Array): PhotoKind | null {
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "image/jpeg";
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => head[i] === v)) return "image/png";
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "image/webp";
  return null;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Null when the file may be a page photo, or what is wrong with it in words for the field worker. */
export async function photoProblem(file: Blob & { name?: string }): Promise<string | null> {
  const name = file.name ? `"${file.name}"` : "This file";
  if (file.size === 0) return `${name} is empty.`;
  if (file.size > MAX_PHOTO_BYTES) {
    return `${name} is ${megabytes(file.size)}; a page photo may be at most ${megabytes(MAX_PHOTO_BYTES)}. Set the camera to a lower resolution (8 to 12 megapixels is plenty) and photograph the page again.`;
  }
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  if (!sniffImageType(head)) return `${name} is not a photo (JPEG, PNG or WebP). Photograph the page with the camera, or choose the photo's file.`;
  return null;
}
