// What the form benchmarks share: a photographed page kept as the app keeps it, then read by tesseract.js
// as the app reads it.
import sharp from "sharp";
import { OCR_LONG_SIDE_PX, STORED_JPEG_QUALITY } from "@/configs/field";
import type { OcrWord } from "@/workers/db/field-db";
import type { createOcrWorker } from "@/workers/ocr/ocr-pool";
import { prepareForOcr, toGray, toRgba } from "@/workers/ocr/preprocess";
import { pageReading, type TesseractBlocks } from "@/workers/ocr/words";

export type Reading = { text: string; words: OcrWord[] };

/**
 * The page as the app's preprocessing worker keeps and OCRs it (workers/ocr/preprocess.worker.ts): the
 * same luma, cleaning and downscale rule, then a JPEG at the app's quality (4:2:0, as Chromium writes it).
 */
export async function asTheAppKeepsIt(photo: Buffer): Promise<{ jpeg: Buffer; width: number; height: number }> {
  const meta = await sharp(photo).metadata();
  const scale = Math.min(1, OCR_LONG_SIDE_PX / Math.max(meta.width!, meta.height!));
  const { data, info } = await sharp(photo).resize(Math.round(meta.width! * scale)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const prepared = prepareForOcr(toGray(data, info.width, info.height)).image;
  const jpeg = await sharp(Buffer.from(toRgba(prepared)), { raw: { width: prepared.width, height: prepared.height, channels: 4 } })
    .removeAlpha().jpeg({ quality: Math.round(STORED_JPEG_QUALITY * 100), chromaSubsampling: "4:2:0" }).toBuffer();
  return { jpeg, width: prepared.width, height: prepared.height };
}

/** A page's text and words, as the app's OCR pool reads them. */
export async function readPage(ocr: Awaited<ReturnType<typeof createOcrWorker>>, image: Buffer): Promise<Reading> {
  const { data } = await ocr.recognize(image, {}, { text: true, blocks: true });
  return pageReading(data.text, data.blocks as unknown as TesseractBlocks);
}
