// Which of tesseract.js's three WebAssembly cores (LSTM-only builds: relaxed SIMD, SIMD, neither; 3.9 MB
// each) this device runs. Chosen here, the same way in the page (the OCR workers are given that one file)
// and in the service worker (which precaches that one alone), so a tablet neither downloads nor keeps the
// two it would never load. tesseract.js makes the same choice itself when given a folder; these probes
// are tiny modules that validate only where the engine has the feature.

// (module (func (result v128) (v128.const i64x2 0 0)))
const SIMD_PROBE = Uint8Array.of(
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // "\0asm", version 1
  0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b, // type section: () -> v128
  0x03, 0x02, 0x01, 0x00, // function section: one function of that type
  0x0a, 0x16, 0x01, 0x14, 0x00, 0xfd, 0x0c, ...new Array<number>(16).fill(0), 0x0b, // code: v128.const 0
);
// (module (func (result v128) (i32x4.relaxed_trunc_f32x4_s (v128.const i64x2 0 0))))
const RELAXED_SIMD_PROBE = Uint8Array.of(
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b,
  0x03, 0x02, 0x01, 0x00,
  0x0a, 0x19, 0x01, 0x17, 0x00, 0xfd, 0x0c, ...new Array<number>(16).fill(0), 0xfd, 0x81, 0x02, 0x0b, // opcode 0xfd 0x101
);

export const TESSERACT_CORE_FILES = ["tesseract-core-relaxedsimd-lstm.wasm.js", "tesseract-core-simd-lstm.wasm.js", "tesseract-core-lstm.wasm.js"] as const;
export type TesseractCoreFile = (typeof TESSERACT_CORE_FILES)[number];

const validates = (module: Uint8Array<ArrayBuffer>): boolean => {
  try {
    return typeof WebAssembly === "object" && WebAssembly.validate(module);
  } catch {
    return false;
  }
};

/** The core file this engine loads: the fastest build whose instructions it has. */
export function tesseractCoreFile(): TesseractCoreFile {
  if (validates(RELAXED_SIMD_PROBE)) return "tesseract-core-relaxedsimd-lstm.wasm.js";
  if (validates(SIMD_PROBE)) return "tesseract-core-simd-lstm.wasm.js";
  return "tesseract-core-lstm.wasm.js";
}
