// "Nothing was written": the number of rows each tenant has in every table that carries
// a shop_id (found in the catalog, so a new table counts too), plus its Shop and Session
// rows. Tests share one database, so counts are per shop, not per table.
import type { PrismaClient } from "@prisma/client";

export async function shopRowCounts(prisma: PrismaClient, shopIds: number[]): Promise<Record<string, number>> {
  const tables = await prisma.$queryRaw<{ table_name: string }[]>`
    SELECT DISTINCT table_name::text AS table_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND column_name = 'shop_id'
    ORDER BY table_name`;
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) {
    // Table names come from the catalog, not from input.
    const [row] = await prisma.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM "${table_name.replace(/"/g, '""')}" WHERE shop_id = ANY($1::int[])`,
      shopIds,
    );
    counts[table_name] = Number(row!.n);
  }
  const shops = await prisma.shop.findMany({ where: { id: { in: shopIds } }, select: { domain: true } });
  counts.shop = shops.length;
  counts.Session = await prisma.session.count({ where: { shop: { in: shops.map((s) => s.domain) } } });
  return counts;
}
