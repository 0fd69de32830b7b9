// CSV (RFC 4180) with a header row: fields holding a comma, quote, CR or LF are quoted
// and quotes doubled. Text cells a spreadsheet would run as a formula — starting with
// = + - @ TAB or CR (OWASP "CSV Injection": https://owasp.org/www-community/attacks/CSV_Injection)
// — get a leading apostrophe and are quoted: customer names, emails and product titles
// come from shoppers and merchants. Numbers stay numbers: a number, or a string that is
// entirely a plain decimal (money such as "-12.50"), cannot hold a formula and is written as is.
export type CsvValue = string | number | boolean | null | undefined;

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text) && !PLAIN_DECIMAL.test(text)) {
    return `"'${text.replace(/"/g, '""')}"`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of objects → CSV text with `columns` as header (CRLF line ends, as RFC 4180). */
export function toCsv<Row extends Record<string, CsvValue>>(
  columns: readonly (keyof Row & string)[],
  rows: readonly Row[],
): string {
  const lines = [columns.map(csvCell).join(",")];
  for (const row of rows) lines.push(columns.map((column) => csvCell(row[column])).join(","));
  return lines.join("\r\n") + "\r\n";
}
