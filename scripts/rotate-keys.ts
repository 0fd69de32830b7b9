// `npm run rotate-keys`: re-seal every secret at rest with the current key.
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

console.log(`re-sealed with key ${keyring.currentKid}: ${sessions} sessions, ${exports} data-request exports`);
await prisma.$disconnect();
