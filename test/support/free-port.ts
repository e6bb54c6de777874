/** A TCP port free on 127.0.0.1 right now (the OS picks it), for servers a test must name before they start. */
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";

/** Bind port 0, read the port, release it. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
