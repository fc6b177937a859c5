// The convergence schemes a granted title opens (configs/schemes.ts): rules, not decisions; each says why
// and on what order, so that the official can send the title holder to the right line department.
import type { ReactNode } from "react";
import { SCHEME_NAMES, schemesForTitle, VERDICT_LABELS, type TitleFacts } from "@/configs/schemes";

/** `children`: what the official may record that the advice turns on (the household's facts). */
export function TitleSchemes({ title, children }: { title: TitleFacts; children?: ReactNode }) {
  const advice = schemesForTitle(title);
  if (!advice) return null;
  return (
    <section className="schemes" aria-label="Schemes for the title holder">
      <h3>Schemes for the title holder</h3>
      <ul>
        {advice.map((a) => (
          <li key={a.scheme} className={`scheme ${a.verdict}`}>
            <strong>{SCHEME_NAMES[a.scheme]}</strong> <span className="verdict">{VERDICT_LABELS[a.verdict]}</span>
            <p>{a.why}</p>
            <small>{a.basis}</small>
          </li>
        ))}
      </ul>
      <small>By rule, from the title, what the line departments report of its village and what the district office checked of the household: what none of these settles is marked to check.</small>
      {children}
    </section>
  );
}
