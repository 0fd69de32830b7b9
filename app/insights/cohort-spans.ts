// The Retention page's cohort spans (months), shared by its loader and its picker: a
// module of its own so the page's browser bundle does not pull in the server-side queries.
export const RETENTION_SPANS = [6, 12, 24] as const;
export type RetentionSpan = (typeof RETENTION_SPANS)[number];
