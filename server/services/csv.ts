// Comma-separated text from outside (a dataset upload, a Census code table), read into records of fields.

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. Blank records are skipped. */
export function parseCsv(csvText: string): string[][] {
  const text = csvText.replace(/^\uFEFF/, ""); // a byte-order mark, as spreadsheet exports begin
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") record.push(field), (field = "");
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      record.push(field);
      if (record.some((f) => f !== "")) records.push(record);
      record = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || record.length) {
    record.push(field);
    if (record.some((f) => f !== "")) records.push(record);
  }
  return records;
}
