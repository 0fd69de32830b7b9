import { Session } from "@shopify/shopify-api";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createTestPrisma, uniqueShopDomain } from "./helpers/db";

const prisma = createTestPrisma();
afterAll(() => prisma.$disconnect());

describe(`Prisma session storage (${inject("databaseKind")})`, () => {
  it("stores and loads an expiring offline session with its refresh token", async () => {
    const storage = new PrismaSessionStorage(prisma);
    const shop = uniqueShopDomain("sessions");
    const expires = new Date(Date.now() + 3_600_000);
    const refreshTokenExpires = new Date(Date.now() + 30 * 86_400_000);
    const session = new Session({
      id: `offline_${shop}`,
      shop,
      state: "state-1",
      isOnline: false,
      scope: "read_orders,read_customers",
      expires,
      accessToken: "shpat_test_access",
      refreshToken: "shprt_test_refresh",
      refreshTokenExpires,
    });

    expect(await storage.storeSession(session)).toBe(true);
    const loaded = await storage.loadSession(session.id);

    expect(loaded).toBeDefined();
    expect(loaded!.shop).toBe(shop);
    expect(loaded!.accessToken).toBe("shpat_test_access");
    expect(loaded!.refreshToken).toBe("shprt_test_refresh");
    expect(loaded!.refreshTokenExpires?.getTime()).toBe(refreshTokenExpires.getTime());
    expect(loaded!.expires?.getTime()).toBe(expires.getTime());
    expect(loaded!.scope).toBe("read_orders,read_customers");
    expect((await storage.findSessionsByShop(shop)).map((s) => s.id)).toEqual([session.id]);

    expect(await storage.deleteSession(session.id)).toBe(true);
    expect(await storage.loadSession(session.id)).toBeUndefined();
  });
});
