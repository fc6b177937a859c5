"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorMessage, trpc } from "@/components/trpc";

export default function LoginPage() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const { home } = await trpc.auth.login.mutate({ username: String(form.get("username")), password: String(form.get("password")) });
      // Back to the page that sent the user here (only a path of this app), else the user's own start page.
      const next = new URLSearchParams(window.location.search).get("next");
      router.replace(next && /^\/[a-z]/.test(next) ? next : home);
      router.refresh();
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  }
  return (
    <main className="login">
      <form onSubmit={submit} aria-label="Log in">
        <h1>FRA Atlas</h1>
        <p>Forest Rights Act claims: review, map and decide.</p>
        <input name="username" placeholder="Username" autoComplete="username" required />
        <input name="password" type="password" placeholder="Password" autoComplete="current-password" required />
        <button className="primary" type="submit" disabled={busy}>{busy ? "Logging in…" : "Log in"}</button>
        {error && <div className="error" role="alert">{error}</div>}
      </form>
    </main>
  );
}
