// The app's vault for customer data-request exports (app/sync/lifecycle.ts ExportVault):
// sealed with the process keyring, kept STOREPULSE_DATA_REQUEST_RETENTION_DAYS days.
import { env } from "~/env.server";
import type { ExportVault } from "~/sync/lifecycle";
import { seal, unseal } from "./crypto";
import { appKeyring } from "./keys.server";

const PURPOSE = "data-request.export";

export function appExportVault(): ExportVault {
  return {
    seal: (plaintext) => seal(appKeyring(), plaintext, PURPOSE),
    open: (sealed) => unseal(appKeyring(), sealed, PURPOSE),
    retentionDays: env.STOREPULSE_DATA_REQUEST_RETENTION_DAYS,
  };
}
