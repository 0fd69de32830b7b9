// The Shop row is the tenant. It is created or refreshed from verified Shopify
// identities only (afterAuth, webhooks); nothing a browser sends can name a shop.
// Lifecycle changes (uninstall, redact, shop/update) live in app/sync/lifecycle.ts.
import type { PrismaClient } from "@prisma/client";

export async function recordInstall(prisma: PrismaClient, domain: string, grantedScopes: string) {
  return prisma.shop.upsert({
    where: { domain },
    create: { domain, grantedScopes, installedAt: new Date() },
    update: { grantedScopes, installedAt: new Date(), uninstalledAt: null },
  });
}

export function findShop(prisma: PrismaClient, domain: string) {
  return prisma.shop.findUnique({ where: { domain } });
}
