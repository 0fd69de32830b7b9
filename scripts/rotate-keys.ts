// `npm run rotate-keys`: re-seal every secret at rest with the current key (session tokens,
// data-request exports, queued webhook payloads).
// Rotation (README "Key rotation"): put the new key in STOREPULSE_ENCRYPTION_KEY and the old
// one(s) in STOREPULSE_ENCRYPTION_KEYS, restart the app (old values still decrypt), run this,
// then drop the old keys. It also seals values stored before encryption existed (plaintext
// tokens, plaintext data-request exports). Idempotent; prints counts, never values.
import { Prisma } from "@prisma/client";
import { isSealed, seal, sealedKid, unseal } from "../app/security/crypto";

const { default: prisma } = await import("../app/db.server");
const { appKeyring } = await import("../app/security/keys.server");
const keyring = appKeyring();
const stale = (value: string | null) => value !== null && (!isSealed(value) || sealedKid(value) !== keyring.currentKid);

let sessions = 0;
for (const row of await prisma.session.findMany({ select: { id: true, accessToken: true, refreshToken: true } })) {
  if (!stale(row.accessToken) && !stale(row.refreshToken)) continue;
  const reseal = (value: string | null, purpose: string) =>
    value === null || value === "" ? value : seal(keyring, unseal(keyring, value, purpose), purpose);
  await prisma.session.update({
    where: { id: row.id },
    data: {
      accessToken: reseal(row.accessToken, "session.accessToken")!,
      refreshToken: reseal(row.refreshToken, "session.refreshToken"),
    },
  });
  sessions += 1;
}

let exports = 0;
for (const row of await prisma.customerDataRequest.findMany({
  select: { id: true, export: true, sealedExport: true },
})) {
  const plaintext =
    row.sealedExport !== null
      ? stale(row.sealedExport)
        ? unseal(keyring, row.sealedExport, "data-request.export")
        : null
      : row.export !== null
        ? JSON.stringify(row.export)
        : null;
  if (plaintext === null) continue;
  await prisma.customerDataRequest.update({
    where: { id: row.id },
    data: { sealedExport: seal(keyring, plaintext, "data-request.export"), export: Prisma.DbNull },
  });
  exports += 1;
}

// Queued and dead-lettered webhook payloads (app/sync/webhook-queue.ts). A worker may apply
// (and clear) one meanwhile: the update only replaces the value it read.
let webhookPayloads = 0;
for (let after = 0; ;) {
  const rows = await prisma.webhookEvent.findMany({
    where: { id: { gt: after }, payload: { not: null } },
    select: { id: true, payload: true },
    orderBy: { id: "asc" },
    take: 1000,
  });
  if (rows.length === 0) break;
  after = rows[rows.length - 1]!.id;
  for (const row of rows) {
    if (!stale(row.payload)) continue;
    const { count } = await prisma.webhookEvent.updateMany({
      where: { id: row.id, payload: row.payload },
      data: { payload: seal(keyring, unseal(keyring, row.payload!, "webhook_event.payload"), "webhook_event.payload") },
    });
    webhookPayloads += count;
  }
}

console.log(
  `re-sealed with key ${keyring.currentKid}: ${sessions} sessions, ${exports} data-request exports, ${webhookPayloads} webhook payloads`,
);
await prisma.$disconnect();
