// CSV (RFC 4180) with a header row: fields holding a comma, quote, CR or LF are quoted
// and quotes doubled. Cells starting with = + - @ are not rewritten: values are our own
// numbers and names, and rewriting would corrupt negative amounts.
export type CsvValue = string | number | boolean | null | undefined;

function field(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of objects → CSV text with `columns` as header (CRLF line ends, as RFC 4180). */
export function toCsv<Row extends Record<string, CsvValue>>(columns: readonly (keyof Row & string)[], rows: readonly Row[]): string {
  const lines = [columns.map(field).join(",")];
  for (const row of rows) lines.push(columns.map((column) => field(row[column])).join(","));
  return lines.join("\r\n") + "\r\n";
}
