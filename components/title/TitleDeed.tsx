// The title a granted claim is issued, laid out as the Rules' annexure for its kind (Annexure II for an
// individual right, III for community rights, IV for a community forest resource), ready to print and
// sign. Rendered on the server from the claim as recorded; it changes nothing.
import type { ClaimDetail } from "@/server/services/claims";
import { TITLE_FORMS } from "@/configs/workflow";
import { parcelCorners, sketchParcel } from "./parcel-sketch";

// Signed by these three (the domain brief, step 5; Rule 8(h)).
const SIGNATORIES = ["Divisional Forest Officer / Deputy Conservator of Forests", "District Tribal Welfare Officer", "District Collector / Deputy Commissioner"];

const SKETCH = { width: 360, height: 260 };
const MAX_CORNERS_LISTED = 24;

export function TitleDeed({ claim }: { claim: ClaimDetail }) {
  const form = TITLE_FORMS[claim.type];
  const grant = claim.history.findLast((h) => h.action === "grant_title");
  const individual = claim.type === "IFR";
  // Section 4(4): a married claimant's title is in the names of both spouses.
  const holders = individual ? [claim.claimantName, claim.spouseName].filter(Boolean).join(" and ") : claim.community ?? claim.claimantName;
  const dependants = claim.familyMembers.filter((m) => m.relation !== "spouse");
  const sketch = claim.geometry ? sketchParcel(claim.geometry, SKETCH.width, SKETCH.height) : null;
  const corners = claim.geometry ? parcelCorners(claim.geometry) : [];
  const rows: Array<[string, React.ReactNode]> = [
    [individual ? "Name(s) of holder(s) (including spouse)" : "Name(s) of holder(s) (the community)", <>{holders}{individual && claim.claimantNameLocal ? <> <span lang="mr">({claim.claimantNameLocal})</span></> : null}</>],
    ...(individual ? ([
      ["Name of father / mother", claim.relativeName ?? "—"],
      ["Name(s) of dependants", dependants.length ? dependants.map((m) => `${m.name} (${m.age})`).join(", ") : "—"],
    ] as Array<[string, React.ReactNode]>) : []),
    ["Village / Gram Sabha", <>{claim.village.name} <span lang="mr">{claim.village.nameLocal}</span> (census code {claim.village.censusCode})</>],
    ["Gram Panchayat", claim.village.gramPanchayat],
    ["Tehsil / Taluka", claim.tehsil],
    ["District", claim.district.name],
    ["Scheduled Tribe or other traditional forest dweller", claim.category === "ST" ? `Scheduled Tribe${claim.tribe ? ` (${claim.tribe})` : ""}` : "Other traditional forest dweller"],
    ...(individual ? [] : ([["Nature of the rights", claim.rightsClaimed.map((r) => r.replace(/_/g, " ")).join(", ") || "—"]] as Array<[string, React.ReactNode]>)),
    ["Area", claim.areaTitledHa === null ? "not stated" : `${claim.areaTitledHa.toFixed(2)} hectares`],
    ["Description of boundaries, with khasra / compartment numbers", `${claim.surveyNumbers.join(", ") || "—"}; the boundary as mapped, sketched below with its corners' coordinates (WGS 84)`],
  ];
  return (
    <article className="title-deed" aria-label={`${form.annexure}: ${form.heading}`}>
      <header>
        <p className="annexure">{form.annexure}</p>
        <p className="rule">[See rule 8(h)]</p>
        <h1>{form.heading}</h1>
        <p>Under the Scheduled Tribes and Other Traditional Forest Dwellers (Recognition of Forest Rights) Act, 2006</p>
        <p className="refs">Claim {claim.claimNo}{grant ? ` · granted by the District Level Committee on ${new Date(grant.at).toLocaleDateString("en-IN", { dateStyle: "long" })}` : ""}</p>
      </header>
      <ol className="title-fields">
        {rows.map(([label, value]) => <li key={label}><span className="label">{label}</span><span className="value">{value}</span></li>)}
      </ol>
      {sketch && (
        <figure className="title-sketch">
          <svg width={SKETCH.width} height={SKETCH.height + 24} viewBox={`0 0 ${SKETCH.width} ${SKETCH.height + 24}`} role="img" aria-label="Sketch of the parcel">
            <rect x="0.5" y="0.5" width={SKETCH.width - 1} height={SKETCH.height - 1} fill="none" stroke="#999" />
            <path d={sketch.path} fill="#e6efe9" stroke="#1d2521" strokeWidth="1.5" fillRule="evenodd" />
            <g transform={`translate(${SKETCH.width - 22}, 12)`}><path d="M0,18 L6,0 L12,18 L6,13 Z" fill="#1d2521" /><text x="6" y="30" fontSize="10" textAnchor="middle">N</text></g>
            <g transform={`translate(8, ${SKETCH.height + 14})`}>
              <line x1="0" y1="0" x2={sketch.scaleBar.pixels} y2="0" stroke="#1d2521" strokeWidth="2" />
              <text x={sketch.scaleBar.pixels + 6} y="4" fontSize="10">{sketch.scaleBar.metres >= 1000 ? `${sketch.scaleBar.metres / 1000} km` : `${sketch.scaleBar.metres} m`}</text>
            </g>
          </svg>
          <figcaption>
            Corners (longitude, latitude):{" "}
            {corners.slice(0, MAX_CORNERS_LISTED).map(([lon, lat]) => `${lon.toFixed(6)}, ${lat.toFixed(6)}`).join("; ")}
            {corners.length > MAX_CORNERS_LISTED ? `; and ${corners.length - MAX_CORNERS_LISTED} more in the claim's map file` : ""}
          </figcaption>
        </figure>
      )}
      <div className="signatures">
        {SIGNATORIES.map((s) => <div key={s}><div className="line" /><div>{s}</div><div className="muted">Signature, seal and date</div></div>)}
      </div>
    </article>
  );
}
