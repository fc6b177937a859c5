"use client";
// A small line chart (SVG) of one or more series of [x, y] points, for loss and F1 curves.
export type Series = { name: string; color: string; points: ReadonlyArray<readonly [number, number]> };

export function LineChart({ series, title, height = 160, yMin, yMax }: { series: readonly Series[]; title: string; height?: number; yMin?: number; yMax?: number }) {
  const width = 420;
  const pad = { l: 40, r: 10, t: 18, b: 22 };
  const all = series.flatMap((s) => s.points);
  if (!all.length) return <figure className="chart"><figcaption>{title}</figcaption><p className="muted">No points yet.</p></figure>;
  const xs = all.map((p) => p[0]);
  const ys = all.map((p) => p[1]);
  const x0 = Math.min(...xs), x1 = Math.max(...xs, x0 + 1);
  const y0 = yMin ?? Math.min(...ys), y1 = yMax ?? Math.max(...ys, y0 + 1e-6);
  const sx = (x: number) => pad.l + ((x - x0) / (x1 - x0)) * (width - pad.l - pad.r);
  const sy = (y: number) => height - pad.b - ((y - y0) / (y1 - y0)) * (height - pad.t - pad.b);
  return (
    <figure className="chart" aria-label={title}>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img">
        <line x1={pad.l} y1={height - pad.b} x2={width - pad.r} y2={height - pad.b} stroke="#bbb" />
        <line x1={pad.l} y1={pad.t} x2={pad.l} y2={height - pad.b} stroke="#bbb" />
        <text x={pad.l - 4} y={pad.t + 4} textAnchor="end" fontSize="10">{y1.toFixed(2)}</text>
        <text x={pad.l - 4} y={height - pad.b} textAnchor="end" fontSize="10">{y0.toFixed(2)}</text>
        <text x={width - pad.r} y={height - 6} textAnchor="end" fontSize="10">{x1}</text>
        {series.map((s) => (
          <polyline key={s.name} fill="none" stroke={s.color} strokeWidth="1.6" points={s.points.map(([x, y]) => `${sx(x).toFixed(1)},${sy(y).toFixed(1)}`).join(" ")} />
        ))}
      </svg>
      <div className="legend-inline">{series.map((s) => <span key={s.name}><span className="dot" style={{ background: s.color }} /> {s.name}</span>)}</div>
    </figure>
  );
}
