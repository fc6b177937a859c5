// Web Worker: a page photo -> the image the app keeps and OCRs (downscaled to about 200 dpi, deskewed,
// contrast-stretched, JPEG). Decoding and pixel work stay off the page's thread, so capture never freezes.
import { OCR_LONG_SIDE_PX, STORED_JPEG_QUALITY } from "@/configs/field";
import { sha256Hex } from "@/workers/hash";
import { serveWorker } from "@/workers/rpc";
import { photoProblem } from "./photo-check";
import { prepareForOcr, toGray, toRgba } from "./preprocess";
import type { PreprocessApi } from "./preprocess-client";

serveWorker<PreprocessApi>(self as never, {
  async prepare({ file }) {
    const problem = await photoProblem(file);
    if (problem) throw new Error(problem);
    let bitmap: ImageBitmap;
    try {
      bitmap = await createImageBitmap(file);
    } catch {
      const name = "name" in file && file.name ? `"${file.name}"` : "The photo";
      throw new Error(`${name} could not be opened as an image: it may be damaged. Photograph the page again.`);
    }
    const scale = Math.min(1, OCR_LONG_SIDE_PX / Math.max(bitmap.width, bitmap.height));
    const width = Math.round(bitmap.width * scale);
    const height = Math.round(bitmap.height * scale);
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext("2d", { willReadFrequently: true })!;
    ctx.imageSmoothingQuality = "high";
    ctx.drawImage(bitmap, 0, 0, width, height);
    bitmap.close();
    const gray = toGray(ctx.getImageData(0, 0, width, height).data, width, height);
    const { image, skewDegrees, blank } = prepareForOcr(gray);
    ctx.putImageData(new ImageData(toRgba(image) as Uint8ClampedArray<ArrayBuffer>, width, height), 0, 0);
    const blob = await canvas.convertToBlob({ type: "image/jpeg", quality: STORED_JPEG_QUALITY });
    return { image: blob, width, height, skewDegrees, blank, bytes: blob.size, sha256: await sha256Hex(await blob.arrayBuffer()) };
  },
});
