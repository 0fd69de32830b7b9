import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPrisma } from "./helpers/db";
import { openEmbeddedApp, startStack, type Stack } from "./helpers/stack";

const prisma = createTestPrisma();
let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ simulator: { size: "small", seed: 11 } });
});
afterAll(async () => {
  await stack?.close();
  await prisma.$disconnect();
});

describe("app + simulator", () => {
  it("installs through token exchange on the first embedded load and stores an expiring offline session", async () => {
    const response = await openEmbeddedApp(stack);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Storepulse");

    const sessions = await prisma.session.findMany({ where: { shop: stack.shop, isOnline: false } });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.refreshToken).toBeTruthy();
    expect(sessions[0]!.expires!.getTime()).toBeGreaterThan(Date.now());

    const shop = await prisma.shop.findUnique({ where: { domain: stack.shop } });
    expect(shop?.installedAt).not.toBeNull();
    expect(stack.sim.shops[0]!.domain).toBe(stack.shop);
  });

  it("serves the App Bridge stand-in from the simulator in the page and lets the simulator admin frame it", async () => {
    const response = await openEmbeddedApp(stack);
    const html = await response.text();
    expect(html).toContain(`${stack.sim.url}/shopifycloud/app-bridge.js`);
    expect(response.headers.get("content-security-policy")).toContain(stack.sim.url);
  });
});
