// The title a granted claim is issued, laid out as the Rules' annexure for its kind (Annexure II for an
// individual right, III for community rights, IV for a community forest resource), ready to print and
// sign, in English or its state's language (title-text.ts). Rendered on the server from the claim as
// recorded; it changes nothing.
import { titleBorderingVillages } from "@/configs/bordering-villages";
import { nameLanguageTagOf } from "@/configs/field";
import { landmarksText, STEP_WITH_TITLED_AREA } from "@/configs/workflow";
import { BothScripts } from "@/components/print/BothScripts";
import { printedDate, type PrintLanguage } from "@/components/print/print-languages";
import type { ClaimDetail } from "@/server/services/claims";
import { parcelCorners, sketchParcel } from "./parcel-sketch";
import { TITLE_TEXT, type TitleText } from "./title-text";

const SKETCH = { width: 360, height: 260 };
const MAX_CORNERS_LISTED = 24;

export function TitleDeed({ claim, language }: { claim: ClaimDetail; language: PrintLanguage }) {
  const text = TITLE_TEXT[language];
  const form = text.kinds[claim.type];
  const english = language === "en";
  const grant = claim.history.findLast((h) => h.action === STEP_WITH_TITLED_AREA);
  const individual = claim.type === "IFR";
  const localTag = nameLanguageTagOf(claim.stateCode);
  const bothScripts = (latin: string, local: string) => <BothScripts latin={latin} local={local} english={english} localTag={localTag} />;
  // Section 4(4): a married claimant's title is in the names of both spouses.
  const holders = individual
    ? <>{bothScripts(claim.claimantName, claim.claimantNameLocal)}{claim.spouseName ? `${text.and}${claim.spouseName}` : null}</>
    : <>{claim.community ?? claim.claimantName}</>;
  const bordering = titleBorderingVillages(claim.borderingVillages, claim.villagesAlongBoundary);
  const dependants = claim.familyMembers.filter((m) => m.relation !== "spouse");
  const sketch = claim.geometry ? sketchParcel(claim.geometry, SKETCH.width, SKETCH.height) : null;
  const corners = claim.geometry ? parcelCorners(claim.geometry) : [];
  const grantedOn = grant ? text.grantedOn(printedDate(grant.at, language)) : null;
  const rows: Array<[string, React.ReactNode]> = [
    [individual ? text.holdersIndividual : text.holdersCommunity, holders],
    ...(individual ? ([
      [text.parent, claim.relativeName ?? "—"],
      [text.dependants, dependants.length ? dependants.map((m) => `${m.name} (${m.age})`).join(", ") : "—"],
    ] as Array<[string, React.ReactNode]>) : []),
    [text.village, <>{bothScripts(claim.village.name, claim.village.nameLocal)} ({text.censusCode} {claim.village.censusCode})</>],
    [text.gramPanchayat, claim.village.gramPanchayat],
    [text.tehsil, bothScripts(claim.tehsil, claim.tehsilLocal)],
    [text.district, bothScripts(claim.district.name, claim.district.nameLocal)],
    [text.category, claim.category === "ST" ? `${text.scheduledTribe}${claim.tribe ? ` (${claim.tribe})` : ""}` : text.otherDweller],
    ...(individual ? [] : ([[text.rights, claim.rightsClaimed.map((r) => text.rightNames[r] ?? r.replace(/_/g, " ")).join(", ") || "—"]] as Array<[string, React.ReactNode]>)),
    [text.area, claim.areaTitledHa === null ? text.notStated : text.hectares(claim.areaTitledHa.toFixed(2))],
    [text.boundaries, <BoundaryDescription claim={claim} text={text} />],
    ...(claim.type === "CFR" ? ([[
      text.borderingVillages,
      bordering.length ? bordering.map((v) => <span key={v.name}>{bothScripts(v.name, v.nameLocal)}</span>).reduce((a, b) => <>{a}, {b}</>) : "—",
    ]] as Array<[string, React.ReactNode]>) : []),
  ];
  return (
    <article className="print-doc" lang={language} aria-label={`${form.annexure}: ${form.heading}`}>
      <header>
        <p className="annexure">{form.annexure}</p>
        <p className="rule">{text.seeRule}</p>
        <h1>{form.heading}</h1>
        <p>{text.underAct}</p>
        {claim.titleNo && <p className="title-no">{text.titleNo} {claim.titleNo}</p>}
        <p className="refs">{text.claim} {claim.claimNo}{grantedOn ? ` · ${grantedOn}` : ""}</p>
      </header>
      <ol className="title-fields">
        {rows.map(([label, value]) => <li key={label}><span className="label">{label}</span><span className="value">{value}</span></li>)}
      </ol>
      {sketch && (
        <figure className="title-sketch">
          <svg width={SKETCH.width} height={SKETCH.height + 24} viewBox={`0 0 ${SKETCH.width} ${SKETCH.height + 24}`} role="img" aria-label={text.sketch}>
            <rect x="0.5" y="0.5" width={SKETCH.width - 1} height={SKETCH.height - 1} fill="none" stroke="#999" />
            <path d={sketch.path} fill="#e6efe9" stroke="#1d2521" strokeWidth="1.5" fillRule="evenodd" />
            <g transform={`translate(${SKETCH.width - 22}, 12)`}><path d="M0,18 L6,0 L12,18 L6,13 Z" fill="#1d2521" /><text x="6" y="30" fontSize="10" textAnchor="middle">{text.north}</text></g>
            <g transform={`translate(8, ${SKETCH.height + 14})`}>
              <line x1="0" y1="0" x2={sketch.scaleBar.pixels} y2="0" stroke="#1d2521" strokeWidth="2" />
              <text x={sketch.scaleBar.pixels + 6} y="4" fontSize="10">{sketch.scaleBar.metres >= 1000 ? `${sketch.scaleBar.metres / 1000} ${text.kilometres}` : `${sketch.scaleBar.metres} ${text.metres}`}</text>
            </g>
          </svg>
          <figcaption>
            {text.corners}{" "}
            {corners.slice(0, MAX_CORNERS_LISTED).map(([lon, lat]) => `${lon.toFixed(6)}, ${lat.toFixed(6)}`).join("; ")}
            {corners.length > MAX_CORNERS_LISTED ? `; ${text.moreCorners(corners.length - MAX_CORNERS_LISTED)}` : ""}
          </figcaption>
        </figure>
      )}
      <div className="signatures">
        {text.signatories.map((s) => <div key={s}><div className="line" /><div>{s}</div><div className="muted">{text.signature}</div></div>)}
      </div>
    </article>
  );
}

/**
 * The boundary as the title describes it: the landmarks on each side that the field verification named
 * (printed as they were written), the khasra or compartment numbers, and the mapped boundary below.
 */
function BoundaryDescription({ claim, text }: { claim: ClaimDetail; text: TitleText }) {
  return (
    <>
      {claim.boundaryLandmarks && <span className="landmarks">{landmarksText(claim.boundaryLandmarks, text.sides)}. </span>}
      {text.khasra} {claim.surveyNumbers.join(", ") || "—"}; {text.boundaryAsMapped}
    </>
  );
}
