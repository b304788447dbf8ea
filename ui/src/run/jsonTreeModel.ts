// What the JSON tree shows, computed without the DOM: the rows a person can see (children only of the nodes they
// expanded, so a 20,000-item result costs 20,000 rows, not every node), the search over the whole value (collapsed
// parts too), and each node's path as code can write it.
import type { JsonValue } from '../common/backend';

/** Where a node sits: the keys and array indexes from the root down to it. */
export type JsonPath = readonly (string | number)[];

/** A node as the walk meets it: its key under its parent and the parent's own link, so a node's path is built
 * only when asked for (copying the path into every row would cost the depth for each row). */
interface NodeLink {
  parent: NodeLink | null;
  /** The key or index under its parent; null for the root. */
  label: string | number | null;
  value: JsonValue;
}

export interface TreeRow extends NodeLink {
  depth: number;
  /** Whether the node is an object or array with at least one entry. */
  expandable: boolean;
  expanded: boolean;
}

/** The containers a person opened. Values that came over the wire share no objects, so each container is its own
 * node: the object itself identifies it, without building a key from its path. */
export type ExpandedNodes = ReadonlySet<object>;

/** A parent with at most this many entries opens its children too when the tree first shows (a small value reads
 * at a glance); a larger one opens only its own level. */
const OPEN_CHILDREN_UP_TO = 50;

function isContainer(value: JsonValue): value is JsonValue[] | { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null;
}

function entryCount(value: JsonValue): number {
  if (Array.isArray(value)) return value.length;
  return isContainer(value) ? Object.keys(value).length : 0;
}

/** The entries under a node, in the order JSON lists them. */
export function childrenOf(value: JsonValue): [string | number, JsonValue][] {
  if (Array.isArray(value)) return value.map((item, index) => [index, item]);
  return isContainer(value) ? Object.entries(value) : [];
}

/** The keys and indexes from the root down to a row's node. */
export function pathOf(node: NodeLink): JsonPath {
  const path: (string | number)[] = [];
  for (let link: NodeLink | null = node; link?.label != null; link = link.parent) path.push(link.label);
  return path.reverse();
}

/** A string naming a node by its path, for comparing a row with a selection or a search hit. */
export function nodeId(path: JsonPath): string {
  return JSON.stringify(path);
}

/** The nodes open when a value is first shown: the root, and its children when it has few of them. */
export function initiallyExpanded(root: JsonValue): Set<object> {
  const expanded = new Set<object>();
  if (!isContainer(root)) return expanded;
  expanded.add(root);
  if (entryCount(root) <= OPEN_CHILDREN_UP_TO) {
    for (const [, child] of childrenOf(root)) if (isContainer(child)) expanded.add(child);
  }
  return expanded;
}

/** The rows shown, top to bottom: the root, then under each expanded node its entries. */
export function visibleRows(root: JsonValue, expanded: ExpandedNodes): TreeRow[] {
  const rows: TreeRow[] = [];
  // Depth-first with an explicit stack: a deeply nested value must not overflow the call stack.
  const stack: { parent: TreeRow | null; label: string | number | null; value: JsonValue }[] = [
    { parent: null, label: null, value: root },
  ];
  while (stack.length > 0) {
    const { parent, label, value } = stack.pop()!;
    const expandable = entryCount(value) > 0;
    const open = expandable && expanded.has(value as object);
    const row: TreeRow = { parent, label, value, depth: parent ? parent.depth + 1 : 0, expandable, expanded: open };
    rows.push(row);
    if (!open) continue;
    // Pushed last to first, so the first entry is taken next.
    for (const [key, child] of childrenOf(value).reverse()) stack.push({ parent: row, label: key, value: child });
  }
  return rows;
}

/** Where the node at `path` is among `rows`, or -1 when it is not shown. */
export function rowIndexOf(rows: readonly TreeRow[], path: JsonPath): number {
  const depth = path.length;
  const last = path[depth - 1];
  return rows.findIndex(
    (row) => row.depth === depth && (depth === 0 || (row.label === last && nodeId(pathOf(row)) === nodeId(path))),
  );
}

/** `expanded` with every ancestor of the node at `path` opened, so that node is one of the visible rows. */
export function revealing(root: JsonValue, expanded: ExpandedNodes, path: JsonPath): Set<object> {
  const next = new Set(expanded);
  let node: JsonValue | undefined = root;
  for (const key of path) {
    if (node === undefined || !isContainer(node)) break;
    next.add(node);
    node = Array.isArray(node) ? node[Number(key)] : node[String(key)];
  }
  return next;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The node's path as JavaScript reads it: `result[3].email`, `result["first name"]`. */
export function accessorPath(rootName: string, path: JsonPath): string {
  let accessor = rootName;
  for (const key of path) {
    if (typeof key === 'number') accessor += `[${key}]`;
    else if (IDENTIFIER.test(key)) accessor += `.${key}`;
    else accessor += `[${JSON.stringify(key)}]`;
  }
  return accessor;
}

/** What Copy value puts on the clipboard: a string as its text, anything else as indented JSON. */
export function copiedValue(value: JsonValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

/** The text a leaf is searched by (what the row shows, without a string's quotes). */
function leafText(value: JsonValue): string {
  return typeof value === 'string' ? value : String(value);
}

/**
 * The paths of the nodes whose key or leaf value contains `query` (case-insensitive), in the order the rows list
 * them, at most `limit` of them. The whole value is searched, whatever is expanded.
 */
export function findMatches(root: JsonValue, query: string, limit: number): JsonPath[] {
  const needle = query.toLowerCase();
  if (needle === '') return [];
  const matches: JsonPath[] = [];
  const stack: NodeLink[] = [{ parent: null, label: null, value: root }];
  while (stack.length > 0 && matches.length < limit) {
    const node = stack.pop()!;
    const keyMatches = node.label !== null && String(node.label).toLowerCase().includes(needle);
    if (isContainer(node.value)) {
      if (keyMatches) matches.push(pathOf(node));
      for (const [key, child] of childrenOf(node.value).reverse()) stack.push({ parent: node, label: key, value: child });
    } else if (keyMatches || leafText(node.value).toLowerCase().includes(needle)) {
      matches.push(pathOf(node));
    }
  }
  return matches;
}

/** How a collapsed object or array reads: its size. */
export function containerSummary(value: JsonValue[] | { [key: string]: JsonValue }): string {
  if (Array.isArray(value)) return value.length === 1 ? '[1 item]' : `[${value.length} items]`;
  const count = Object.keys(value).length;
  return count === 1 ? '{1 key}' : `{${count} keys}`;
}
