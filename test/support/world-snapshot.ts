/**
 * A saved SQLite database to compare with and go back to: the authorization matrix runs hundreds of commands, each
 * from the same starting world, and checks what each one wrote. A second connection (the database is in WAL mode)
 * copies the database aside once (`VACUUM INTO`), attaches the copy, finds the tables that differ from it with one
 * query (SQLite compares the rows), and puts those back in one transaction.
 */
import Database from "better-sqlite3";
import { sqlitePath } from "../../src/infra/database.ts";

/** A table whose rows differ from the saved copy: the rows only now there, and those gone (each as JSON). */
export interface TableDiff {
  table: string;
  added: string[];
  removed: string[];
}

/** The database behind `databaseUrl`, compared with and restored to a copy saved at `copyPath`. */
export class SavedWorld {
  readonly #db: Database.Database;
  readonly #tables: string[];
  readonly #changed: Database.Statement;

  /** Save the database as it is now. */
  constructor(databaseUrl: string, copyPath: string) {
    this.#db = new Database(sqlitePath(databaseUrl));
    this.#db.pragma("busy_timeout = 5000");
    this.#tables = (this.#db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma%' ORDER BY name").all() as Array<{ name: string }>).map(
      (row) => row.name,
    );
    this.#db.prepare("VACUUM INTO ?").run(copyPath);
    this.#db.prepare("ATTACH DATABASE ? AS saved").run(copyPath);
    this.#changed = this.#db.prepare(
      this.#tables
        .map((table) => `SELECT '${table}' AS name WHERE EXISTS (SELECT * FROM main."${table}" EXCEPT SELECT * FROM saved."${table}") OR EXISTS (SELECT * FROM saved."${table}" EXCEPT SELECT * FROM main."${table}")`)
        .join(" UNION ALL "),
    );
  }

  /** The tables that differ from the saved copy, with their rows added and removed, leaving out `ignored` tables. */
  changes(ignored: readonly string[] = []): TableDiff[] {
    const tables = (this.#changed.all() as Array<{ name: string }>).map((row) => row.name).filter((table) => !ignored.includes(table));
    return tables.map((table) => ({ table, added: this.#rows(table, "main", "saved"), removed: this.#rows(table, "saved", "main") }));
  }

  /**
   * Put every table that changed back as saved, in one transaction. The id counters go on: rows made after a restore
   * get ids never used before, so nothing the app remembers by id (its caches) can point at someone else's row.
   */
  restore(): void {
    const tables = (this.#changed.all() as Array<{ name: string }>).map((row) => row.name);
    this.#db.pragma("foreign_keys = OFF");
    this.#db.transaction(() => {
      for (const table of tables) {
        this.#db.exec(`DELETE FROM main."${table}"; INSERT INTO main."${table}" SELECT * FROM saved."${table}";`);
      }
    })();
  }

  close(): void {
    this.#db.close();
  }

  #rows(table: string, from: string, without: string): string[] {
    return (this.#db.prepare(`SELECT * FROM ${from}."${table}" EXCEPT SELECT * FROM ${without}."${table}"`).all() as unknown[]).map((row) => JSON.stringify(row));
  }
}
