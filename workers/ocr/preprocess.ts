// Image clean-up before OCR, on grey pixels in plain arrays so it runs the same in a worker and in tests:
// find how far the page is turned (the angle whose horizontal projection of dark pixels is sharpest, as
// text lines are), turn it back, and stretch the contrast of a dim, yellowed photocopy.

export type GrayImage = { data: Uint8Array; width: number; height: number };

export function toGray(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): GrayImage {
  const data = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < data.length; i++, p += 4) {
    // ITU-R BT.601 luma; blue ink and purple stamps stay dark enough to read.
    data[i] = (rgba[p]! * 299 + rgba[p + 1]! * 587 + rgba[p + 2]! * 114) / 1000;
  }
  return { data, width, height };
}

export function toRgba(gray: GrayImage): Uint8ClampedArray {
  const out = new Uint8ClampedArray(gray.width * gray.height * 4);
  for (let i = 0, p = 0; i < gray.data.length; i++, p += 4) {
    out[p] = out[p + 1] = out[p + 2] = gray.data[i]!;
    out[p + 3] = 255;
  }
  return out;
}

/** Otsu's threshold: the grey level that best separates ink from paper. */
export function otsuThreshold(data: Uint8Array): number {
  const histogram = new Float64Array(256);
  for (const v of data) histogram[v]!++;
  const total = data.length;
  let sumAll = 0;
  for (let i = 0; i < 256; i++) sumAll += i * histogram[i]!;
  let sumBelow = 0;
  let weightBelow = 0;
  let best = 0;
  let bestVariance = -1;
  for (let t = 0; t < 256; t++) {
    weightBelow += histogram[t]!;
    if (weightBelow === 0) continue;
    const weightAbove = total - weightBelow;
    if (weightAbove === 0) break;
    sumBelow += t * histogram[t]!;
    const meanBelow = sumBelow / weightBelow;
    const meanAbove = (sumAll - sumBelow) / weightAbove;
    const variance = weightBelow * weightAbove * (meanBelow - meanAbove) ** 2;
    if (variance > bestVariance) {
      bestVariance = variance;
      best = t;
    }
  }
  return best;
}

/** Nearest-neighbour downscale so that the long side is at most `longSide` (skew search needs no detail). */
export function shrink(image: GrayImage, longSide: number): GrayImage {
  const scale = Math.min(1, longSide / Math.max(image.width, image.height));
  if (scale === 1) return image;
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const sy = Math.min(image.height - 1, Math.floor(y / scale));
    for (let x = 0; x < width; x++) data[y * width + x] = image.data[sy * image.width + Math.min(image.width - 1, Math.floor(x / scale))]!;
  }
  return { data, width, height };
}

function projectionSharpness(points: Float64Array, count: number, angleRad: number, height: number): number {
  const sin = Math.sin(angleRad);
  const cos = Math.cos(angleRad);
  const bins = new Float64Array(height * 2 + 4);
  const offset = height + 2;
  for (let i = 0; i < count; i++) {
    const x = points[2 * i]!;
    const y = points[2 * i + 1]!;
    const row = Math.round(y * cos - x * sin) + offset;
    if (row >= 0 && row < bins.length) bins[row]!++;
  }
  let sum = 0;
  for (const b of bins) sum += b * b;
  return sum;
}

/**
 * The angle, in degrees, by which the page's text lines are turned (clockwise on screen is positive);
 * `rotate(image, -angle)` straightens it. 0 when there is too little ink to tell.
 */
export function estimateSkew(image: GrayImage, maxDegrees = 8): number {
  const small = shrink(image, 900);
  const threshold = otsuThreshold(small.data);
  const cx = small.width / 2;
  const cy = small.height / 2;
  const dark: number[] = [];
  for (let y = 0; y < small.height; y++) {
    for (let x = 0; x < small.width; x++) if (small.data[y * small.width + x]! <= threshold) dark.push(x - cx, y - cy);
  }
  const count = dark.length / 2;
  if (count < 50 || count > small.data.length * 0.5) return 0;
  const points = Float64Array.from(dark);
  const search = (from: number, to: number, step: number) => {
    let best = 0;
    let bestScore = -1;
    for (let deg = from; deg <= to + 1e-9; deg += step) {
      const score = projectionSharpness(points, count, (deg * Math.PI) / 180, small.height);
      if (score > bestScore) {
        bestScore = score;
        best = deg;
      }
    }
    return best;
  };
  const coarse = search(-maxDegrees, maxDegrees, 0.5);
  const fine = search(coarse - 0.5, coarse + 0.5, 0.05);
  return Math.round(fine * 100) / 100;
}

/** Rotates about the centre by `degrees` (clockwise on screen), bilinear, filling with white paper. */
export function rotate(image: GrayImage, degrees: number): GrayImage {
  if (Math.abs(degrees) < 0.05) return image;
  const { width, height, data } = image;
  const out = new Uint8Array(width * height);
  const rad = (degrees * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const cx = width / 2;
  const cy = height / 2;
  for (let y = 0; y < height; y++) {
    const dy = y - cy;
    for (let x = 0; x < width; x++) {
      const dx = x - cx;
      // The source pixel that lands here: the inverse rotation.
      const sx = dx * cos + dy * sin + cx;
      const sy = -dx * sin + dy * cos + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= width || y0 + 1 >= height) {
        out[y * width + x] = 255;
        continue;
      }
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * width + x0;
      const top = data[i]! * (1 - fx) + data[i + 1]! * fx;
      const bottom = data[i + width]! * (1 - fx) + data[i + width + 1]! * fx;
      out[y * width + x] = top * (1 - fy) + bottom * fy;
    }
  }
  return { data: out, width, height };
}

/** Maps the 1st..99th percentile grey range onto black..white: faint print on yellowed paper gains contrast. */
export function stretchContrast(image: GrayImage, low = 0.01, high = 0.99): GrayImage {
  const histogram = new Uint32Array(256);
  for (const v of image.data) histogram[v]!++;
  const at = (fraction: number) => {
    const target = fraction * image.data.length;
    let seen = 0;
    for (let i = 0; i < 256; i++) {
      seen += histogram[i]!;
      if (seen >= target) return i;
    }
    return 255;
  };
  const lo = at(low);
  const hi = at(high);
  if (hi - lo < 8) return image; // a flat page: nothing to stretch
  const lut = new Uint8Array(256);
  for (let i = 0; i < 256; i++) lut[i] = Math.max(0, Math.min(255, Math.round(((i - lo) * 255) / (hi - lo))));
  return { ...image, data: image.data.map((v) => lut[v]!) };
}

/** A page with almost no ink (a blank sheet, a photo of a wall): OCR would only return noise. */
export function looksBlank(image: GrayImage): boolean {
  const small = shrink(image, 600);
  const histogram = new Uint32Array(256);
  let sum = 0;
  let sumSq = 0;
  for (const v of small.data) {
    histogram[v]!++;
    sum += v;
    sumSq += v * v;
  }
  const n = small.data.length;
  const deviation = Math.sqrt(Math.max(0, sumSq / n - (sum / n) ** 2));
  if (deviation < 6) return true;
  // Ink is what is clearly darker than the paper (the median grey of a page is its paper).
  let seen = 0;
  let paper = 0;
  while (paper < 255 && (seen += histogram[paper]!) < n / 2) paper++;
  let ink = 0;
  for (let v = 0; v < Math.max(0, paper - Math.max(25, paper * 0.2)); v++) ink += histogram[v]!;
  return ink / n < 0.002;
}

/** The whole clean-up: deskew (within ±8°), then contrast. */
export function prepareForOcr(image: GrayImage): { image: GrayImage; skewDegrees: number; blank: boolean } {
  const blank = looksBlank(image);
  const skewDegrees = blank ? 0 : estimateSkew(image);
  return { image: stretchContrast(rotate(image, -skewDegrees)), skewDegrees, blank };
}
