// The Shop row is the tenant. It is created or refreshed from verified Shopify
// identities only (afterAuth, webhooks); nothing a browser sends can name a shop.
import type { PrismaClient } from "@prisma/client";

export async function recordInstall(prisma: PrismaClient, domain: string, grantedScopes: string) {
  return prisma.shop.upsert({
    where: { domain },
    create: { domain, grantedScopes, installedAt: new Date() },
    update: { grantedScopes, installedAt: new Date(), uninstalledAt: null },
  });
}

/** app/uninstalled: the app's access is gone; data stays until shop/redact. */
export async function recordUninstall(prisma: PrismaClient, domain: string) {
  await prisma.$transaction([
    prisma.session.deleteMany({ where: { shop: domain } }),
    prisma.shop.updateMany({ where: { domain }, data: { uninstalledAt: new Date() } }),
  ]);
}

export function findShop(prisma: PrismaClient, domain: string) {
  return prisma.shop.findUnique({ where: { domain } });
}
