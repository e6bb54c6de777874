/**
 * The dependency rules of the source tree, as one ESLint rule (`linli/architecture`). Each import is resolved to a
 * file and checked against the layer of the importing file:
 *
 * - `src/kernel/**` (Lang, platform ids, places, clock, zoned time) imports only the kernel, and no package.
 * - `src/features/<f>/domain/**` (pure rules) imports only the kernel and features' domains (and, types only, the
 *   shapes its own feature's `ports.ts` hands it), and no package.
 * - `src/parse/**` (the parser) imports only the kernel and the parser.
 * - A feature imports another feature only through its public surface: `index.ts` (what it offers other features),
 *   `ports.ts` and `repos.ts` (types), `texts.ts` (a reply may quote another feature's words) and `domain/**`; never its
 *   use cases or jobs.
 * - Features, `src/app`, `src/chat` and `src/parse` never import `src/infra` or `adapters/`.
 * - Only `src/infra` imports the Prisma client (`@prisma/*`, `src/infra/generated`, `better-sqlite3`).
 * - Only `adapters/` import the chat platforms' libraries (telegraf, wechaty, file-box).
 *
 * Import cycles are found by `scripts/check-cycles.mjs` (run by the test suite).
 */
import path from "node:path";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..");
const PLATFORM_PACKAGES = /^(?:telegraf|wechaty|wechaty-puppet[\w-]*|file-box|@telegraf\/.*)(?:\/|$)/;
const PRISMA_PACKAGES = /^(?:@prisma\/|prisma(?:\/|$)|better-sqlite3(?:\/|$))/;

/** Where a repository-relative path sits: its layer, and for a feature its name and the rest of its path. */
function placeOf(file) {
  const feature = /^src\/features\/([^/]+)\/(.*)$/.exec(file);
  if (feature) {
    const [, name, rest] = feature;
    return { layer: rest.startsWith("domain/") ? "domain" : "feature", feature: name, rest };
  }
  for (const [prefix, layer] of [
    ["src/kernel/", "kernel"],
    ["src/parse/", "parse"],
    ["src/chat/", "chat"],
    ["src/app/", "app"],
    ["src/infra/", "infra"],
    ["adapters/", "adapters"],
    ["src/", "root"],
  ]) {
    if (file.startsWith(prefix)) return { layer };
  }
  return { layer: "outside" };
}

/** Why importing `target` (a repository-relative path, or a package name) from `from` is forbidden, or undefined. */
export function forbidden(from, target, isPackage, typeOnly = false) {
  const source = placeOf(from);
  if (source.layer === "outside") return undefined; // tests, benches, scripts and tools may import anything
  if (isPackage) {
    if (target.startsWith("node:")) return source.layer === "kernel" || source.layer === "domain" ? "the kernel and the domain use no Node.js modules" : undefined;
    if (source.layer === "kernel" || source.layer === "domain") return `the kernel and the domain import no package ("${target}")`;
    if (PRISMA_PACKAGES.test(target) && source.layer !== "infra") return `only src/infra imports the database client ("${target}")`;
    if (PLATFORM_PACKAGES.test(target) && source.layer !== "adapters") return `only adapters/ import the chat platforms' libraries ("${target}")`;
    return undefined;
  }
  const dest = placeOf(target);
  if (target.startsWith("src/infra/generated/") && source.layer !== "infra") return "only src/infra imports the database client (src/infra/generated)";
  switch (source.layer) {
    case "kernel":
      return dest.layer === "kernel" ? undefined : `the kernel imports only the kernel (not ${target})`;
    case "domain":
      if (dest.layer === "kernel" || dest.layer === "domain") return undefined;
      if (typeOnly && dest.feature === source.feature && dest.rest === "ports.ts") return undefined;
      return `a feature's domain imports only the kernel, domains and (types only) its own ports.ts (not ${target})`;
    case "parse":
      return dest.layer === "kernel" || dest.layer === "parse" ? undefined : `the parser imports only the kernel and the parser (not ${target})`;
    case "feature":
    case "app":
    case "chat":
      if (dest.layer === "infra" || dest.layer === "adapters") return `${source.layer === "feature" ? "a feature" : `src/${source.layer}`} never imports ${dest.layer === "infra" ? "src/infra" : "adapters/"} (${target})`;
      if (source.layer === "feature" && dest.feature && dest.feature !== source.feature && !isPublic(dest.rest)) {
        return `features/${source.feature} may use features/${dest.feature} only through its index.ts, ports.ts, repos.ts, texts.ts or domain/ (not ${dest.rest})`;
      }
      return undefined;
    default:
      return undefined;
  }
}

const isPublic = (rest) => ["index.ts", "ports.ts", "repos.ts", "texts.ts"].includes(rest) || rest.startsWith("domain/");

/** The ESLint rule. */
const architecture = {
  meta: { type: "problem", docs: { description: "Linli's dependency rules between layers and features" }, schema: [] },
  create(context) {
    const filename = context.filename ?? context.getFilename();
    const from = path.relative(ROOT, filename).split(path.sep).join("/");
    const check = (node, specifier, typeOnly = false) => {
      if (typeof specifier !== "string") return;
      const isPackage = !specifier.startsWith(".") && !specifier.startsWith("/");
      const target = isPackage ? specifier : path.relative(ROOT, path.resolve(path.dirname(filename), specifier)).split(path.sep).join("/");
      const why = forbidden(from, target, isPackage, typeOnly);
      if (why) context.report({ node, message: `Forbidden import: ${why}.` });
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value, node.importKind === "type"),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === "Literal" && check(node.source, node.source.value),
    };
  },
};

export default { rules: { architecture } };
