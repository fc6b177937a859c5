import type { NextConfig } from "next";

const config: NextConfig = {
  // Loaded from node_modules at run time: they ship WebAssembly / native files that must not be bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-postgis", "@node-rs/argon2", "postgres", "onnxruntime-node", "@huggingface/transformers"],
  poweredByHeader: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "x-content-type-options", value: "nosniff" },
          { key: "referrer-policy", value: "same-origin" },
          { key: "x-frame-options", value: "DENY" },
        ],
      },
    ];
  },
};

export default config;
