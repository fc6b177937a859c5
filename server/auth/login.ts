import { sql } from "drizzle-orm";
import type { Role } from "@/configs/workflow";
import { rows, type Db } from "@/server/db/client";
import { hashPassword, verifyPassword } from "./password";

// Verifying against a dummy hash for unknown users keeps the response time the same, so the login
// form does not reveal which usernames exist.
let dummyHash: Promise<string> | null = null;

/** The user these credentials are, with their role; null for a wrong username or password. */
export async function checkCredentials(db: Db, username: string, password: string): Promise<{ id: string; role: Role } | null> {
  const [user] = await rows<{ id: string; role: Role; password_hash: string }>(
    db,
    sql`SELECT id, role, password_hash FROM users WHERE username = ${username.trim().toLowerCase()}`,
  );
  if (!user) {
    dummyHash ??= hashPassword("not-a-user-password");
    await verifyPassword(await dummyHash, password);
    return null;
  }
  return (await verifyPassword(user.password_hash, password)) ? { id: user.id, role: user.role } : null;
}
