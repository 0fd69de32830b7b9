// Resolving the tenant for insights: only ever from a verified session's shop domain.
import type { PrismaClient } from "@prisma/client";
import { rememberAnswerVersion } from "./answer-cache";
import type { InsightsShop } from "./queries";

/**
 * The shop row, with the version of its answers read in the same query: the answer
 * cache (answer-cache.ts) serves what was computed at that version to whoever got this
 * shop object, so one cheap read per request stands for every answer query.
 */
export async function findInsightsShop(
  prisma: Pick<PrismaClient, "shop">,
  domain: string,
): Promise<InsightsShop | null> {
  const row = await prisma.shop.findUnique({
    where: { domain },
    select: { id: true, domain: true, currencyCode: true, ianaTimezone: true, answerVersion: true },
  });
  if (!row) return null;
  const { answerVersion, ...shop } = row;
  // Loaders hand the shop to the page as JSON, which has no bigint: the version stays apart.
  rememberAnswerVersion(shop, answerVersion);
  return shop;
}
