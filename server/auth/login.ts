import { sql } from "drizzle-orm";
import { rows, type Db } from "@/server/db/client";
import { hashPassword, verifyPassword } from "./password";

// Verifying against a dummy hash for unknown users keeps the response time the same, so the login
// form does not reveal which usernames exist.
let dummyHash: Promise<string> | null = null;

export async function checkCredentials(db: Db, username: string, password: string): Promise<string | null> {
  const [user] = await rows<{ id: string; password_hash: string }>(
    db,
    sql`SELECT id, password_hash FROM users WHERE username = ${username.trim().toLowerCase()}`,
  );
  if (!user) {
    dummyHash ??= hashPassword("not-a-user-password");
    await verifyPassword(await dummyHash, password);
    return null;
  }
  return (await verifyPassword(user.password_hash, password)) ? user.id : null;
}
