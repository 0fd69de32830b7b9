// What every insights page's loader does before its own data: the admin session, the
// installed shop behind it (404 until the install has recorded it) and the request's
// locale; the page's figures come from its app/insights loader, given the URL's query.
import type { PrismaClient } from "@prisma/client";
import prisma from "~/db.server";
import { authenticate } from "~/shopify.server";
import { findInsightsShop } from "~/insights/shop";
import type { InsightsShop } from "~/insights/queries";
import { requestLocale } from "~/components/format";

export async function loadInsightsPage<T extends object>(
  request: Request,
  load: (db: PrismaClient, shop: InsightsShop, search: URLSearchParams) => Promise<T>,
): Promise<{ locale: string } & T> {
  const { session } = await authenticate.admin(request);
  const shop = await findInsightsShop(prisma, session.shop);
  if (!shop) throw new Response("This shop is not installed yet.", { status: 404 });
  return { locale: requestLocale(request), ...(await load(prisma, shop, new URL(request.url).searchParams)) };
}
