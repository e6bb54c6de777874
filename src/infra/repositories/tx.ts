/** The Prisma transaction client type repositories are bound to. */
import type { PrismaClient } from "../generated/prisma/client.ts";

/** A Prisma client inside an interactive transaction (or the plain client, for reads outside one). */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
