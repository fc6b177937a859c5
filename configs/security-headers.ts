// Headers every response carries: set by next.config.ts for what Next.js serves, and by server/main.ts
// for the tiles it answers itself.
export const SECURITY_HEADERS: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "x-frame-options": "DENY",
};
