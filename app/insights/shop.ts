// Resolving the tenant for insights: only ever from a verified session's shop domain.
import type { PrismaClient } from "@prisma/client";
import type { InsightsShop } from "./queries";

export async function findInsightsShop(
  prisma: Pick<PrismaClient, "shop">,
  domain: string,
): Promise<InsightsShop | null> {
  return prisma.shop.findUnique({
    where: { domain },
    select: { id: true, domain: true, currencyCode: true, ianaTimezone: true },
  });
}
