// Staff users of a simulated shop. Core's store model has no staff, so auth
// synthesises them: every shop has an owner whose id is derived from the shop domain
// (stable across runs, Shopify-sized), and any other numeric id is a non-owner staff
// member. Online tokens report them as Shopify's `associated_user`.
import type { AssociatedUser } from "./token-registry.js";

// FNV-1a: a tiny stable hash so ids do not change between runs or machines.
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The shop owner's user id: 11 digits, like real Shopify staff ids. */
export function ownerUserId(shop: string): number {
  return 70_000_000_000 + (fnv1a(shop.toLowerCase()) % 1_000_000_000);
}

export function staffUser(shop: string, userId: number, locale = "en"): AssociatedUser {
  const owner = userId === ownerUserId(shop);
  const handle = shop.replace(/\.myshopify\.com$/, "");
  return {
    id: userId,
    first_name: owner ? "Store" : "Staff",
    last_name: owner ? "Owner" : String(userId),
    email: owner ? `owner@${handle}.example` : `staff-${userId}@${handle}.example`,
    email_verified: true,
    account_owner: owner,
    locale,
    collaborator: false,
  };
}
