"use client";
import { trpc } from "../trpc";

// Ends the session on the server, then goes to the login page.
export function LogoutButton() {
  async function logout() {
    await trpc.auth.logout.mutate();
    window.location.href = "/login";
  }
  return <button onClick={logout}>Log out</button>;
}
