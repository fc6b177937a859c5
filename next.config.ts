import type { NextConfig } from "next";
import { SECURITY_HEADERS } from "./configs/security-headers";

const config: NextConfig = {
  // Loaded from node_modules at run time: they ship WebAssembly / native files that must not be bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-postgis", "@node-rs/argon2", "postgres", "onnxruntime-node", "@huggingface/transformers"],
  poweredByHeader: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: Object.entries(SECURITY_HEADERS).map(([key, value]) => ({ key, value })),
      },
    ];
  },
};

export default config;
