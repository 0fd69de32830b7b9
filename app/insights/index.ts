// Public surface of the insights module (framework-free; takes a Prisma client).
export * from "./csv";
export * from "./dates";
export * from "./endpoints";
export * from "./http";
export * from "./lists";
export * from "./money";
export * from "./page-data";
export * from "./params";
export * from "./presets";
export * from "./queries";
export * from "./rollups";
export * from "./shop";
export * from "./sync-status";
