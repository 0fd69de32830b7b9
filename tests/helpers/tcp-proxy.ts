// A TCP relay in front of a database, so a test can cut every connection through it at
// once — on the embedded PGlite (one backend, no pg_terminate_backend for a client) this
// is the closest thing to PostgreSQL terminating the app's backends.
import net from "node:net";

export interface TcpProxy {
  /** postgresql://… URL of the target with host:port replaced by the relay's. */
  url: string;
  /** Destroy every open connection (both sides); new connections keep working. */
  cut(): number;
  /**
   * Cut every connection the moment a client next sends something (a statement in flight:
   * it never reaches the database and its caller sees the connection die). Resolves with
   * the number of connections cut.
   */
  cutOnNextStatement(): Promise<number>;
  close(): Promise<void>;
}

export async function startTcpProxy(targetUrl: string): Promise<TcpProxy> {
  const target = new URL(targetUrl);
  const open = new Set<net.Socket>();
  let armed: ((n: number) => void) | null = null;
  const cutAll = () => {
    const n = open.size / 2;
    for (const socket of [...open]) socket.destroy();
    open.clear();
    return n;
  };
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    open.add(client);
    open.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on("error", drop).on("close", drop);
    upstream.on("error", drop).on("close", drop);
    client.on("data", (chunk) => {
      if (armed) {
        const resolve = armed;
        armed = null;
        resolve(cutAll());
        return;
      }
      upstream.write(chunk);
    });
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  const url = new URL(targetUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return {
    url: url.toString(),
    cut: cutAll,
    cutOnNextStatement: () => new Promise<number>((resolve) => (armed = resolve)),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
