// Finds import cycles among the project's own modules (src/, adapters/): every relative import counts, type-only
// imports included, so that a cycle of types cannot hide a cycle of values later. Prints each cycle; exits 1 if any.
// Usage: node scripts/check-cycles.mjs [dir...]   (default: src adapters)
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import path from "node:path";

const roots = process.argv.slice(2).length ? process.argv.slice(2) : ["src", "adapters"];
const IMPORT = /(?:^|\n)\s*(?:import|export)\s(?:[^"';]*?\sfrom\s)?["'](\.{1,2}\/[^"']+)["']|import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g;

/** Every .ts file under a directory, generated code left out. */
function walk(dir, out = []) {
  for (const entry of readdirSync(dir)) {
    const file = path.join(dir, entry);
    if (entry === "generated" || entry === "node_modules") continue;
    if (statSync(file).isDirectory()) walk(file, out);
    else if (file.endsWith(".ts")) out.push(path.resolve(file));
  }
  return out;
}

const files = roots.filter((root) => existsSync(root)).flatMap((root) => walk(root));
const graph = new Map(files.map((file) => [file, []]));
for (const file of files) {
  const text = readFileSync(file, "utf8");
  for (const match of text.matchAll(IMPORT)) {
    const target = path.resolve(path.dirname(file), match[1] ?? match[2]);
    if (graph.has(target)) graph.get(file).push(target);
  }
}

// Tarjan's strongly connected components: every component of more than one module (or a self-import) is a cycle.
let index = 0;
const indices = new Map();
const lowlinks = new Map();
const stack = [];
const onStack = new Set();
const cycles = [];
function connect(node) {
  indices.set(node, index);
  lowlinks.set(node, index);
  index += 1;
  stack.push(node);
  onStack.add(node);
  for (const next of graph.get(node)) {
    if (!indices.has(next)) {
      connect(next);
      lowlinks.set(node, Math.min(lowlinks.get(node), lowlinks.get(next)));
    } else if (onStack.has(next)) lowlinks.set(node, Math.min(lowlinks.get(node), indices.get(next)));
  }
  if (lowlinks.get(node) !== indices.get(node)) return;
  const component = [];
  let member;
  do {
    member = stack.pop();
    onStack.delete(member);
    component.push(member);
  } while (member !== node);
  if (component.length > 1 || graph.get(node).includes(node)) cycles.push(component);
}
for (const file of files) if (!indices.has(file)) connect(file);

const shown = (file) => path.relative(process.cwd(), file);
for (const component of cycles) console.log(`import cycle among: ${component.map(shown).sort().join(", ")}`);
console.log(`${files.length} modules checked, ${cycles.length} import cycle(s)`);
process.exit(cycles.length ? 1 : 0);
