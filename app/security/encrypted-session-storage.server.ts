// Shopify session storage with the tokens sealed at rest: wraps any SessionStorage (the
// Prisma one here) and seals accessToken and refreshToken on store, unseals on load and
// find. Everything else (ids, shop, scopes, expiry) stays readable for queries. The
// library never sees ciphertext; the database never sees a token.
// A value sealed with a key no longer configured cannot be opened: the session is treated
// as absent (the library then re-authenticates by token exchange) instead of failing.
import type { Session } from "@shopify/shopify-api";
import type { SessionStorage } from "@shopify/shopify-app-session-storage";
import { KeyError, seal, unseal, type Keyring } from "./crypto";

const ACCESS = "session.accessToken";
const REFRESH = "session.refreshToken";

export class EncryptedSessionStorage implements SessionStorage {
  constructor(
    private readonly inner: SessionStorage,
    private readonly keyring: () => Keyring,
  ) {}

  async storeSession(session: Session): Promise<boolean> {
    const sealed = cloneSession(session);
    if (session.accessToken) sealed.accessToken = seal(this.keyring(), session.accessToken, ACCESS);
    if (session.refreshToken) sealed.refreshToken = seal(this.keyring(), session.refreshToken, REFRESH);
    return this.inner.storeSession(sealed);
  }

  async loadSession(id: string): Promise<Session | undefined> {
    const stored = await this.inner.loadSession(id);
    return stored ? this.open(stored) : undefined;
  }

  async findSessionsByShop(shop: string): Promise<Session[]> {
    const stored = await this.inner.findSessionsByShop(shop);
    return stored.map((s) => this.open(s)).filter((s): s is Session => s !== undefined);
  }

  deleteSession(id: string): Promise<boolean> {
    return this.inner.deleteSession(id);
  }

  deleteSessions(ids: string[]): Promise<boolean> {
    return this.inner.deleteSessions(ids);
  }

  private open(stored: Session): Session | undefined {
    try {
      if (stored.accessToken) stored.accessToken = unseal(this.keyring(), stored.accessToken, ACCESS);
      if (stored.refreshToken) stored.refreshToken = unseal(this.keyring(), stored.refreshToken, REFRESH);
      return stored;
    } catch (error) {
      if (!(error instanceof KeyError)) throw error;
      console.error(`[sessions] ${stored.id}: ${error.message}; treating the session as absent`);
      return undefined;
    }
  }
}

function cloneSession(session: Session): Session {
  const SessionClass = session.constructor as new (params: ReturnType<Session["toObject"]>) => Session;
  return new SessionClass(session.toObject());
}
