/**
 * The catalogue as a navigation tree, grouped the way the Coze docs group it: the entries without a
 * group that come before any grouped entry (overview, changelog…) at the top, then the groups in the
 * order `catalog.groups` declares them (groups only entries name come after, in order of appearance),
 * then the other entries without a group (error codes, FAQ…) at the bottom, all in catalogue order.
 * Inside a group, its own entries and its subgroups keep catalogue order. Groups without entries are
 * left out. Built once per catalogue and cached.
 */
import type { Catalog, CatalogEntry, LocalizedText } from '../catalog/schema.js';

/** A catalogue entry in the tree. Its key is the entry id. */
export interface TreeLeaf {
  kind: 'entry';
  key: string;
  entry: CatalogEntry;
  /** 1 for top-level entries, 2 inside a group, 3 inside a subgroup. */
  level: number;
  parent: TreeBranch | undefined;
}

/** A group or subgroup. Its key is `group:<id>` or `group:<id>/<subgroup id>`. */
export interface TreeBranch {
  kind: 'group';
  key: string;
  title: LocalizedText;
  level: number;
  parent: TreeBranch | undefined;
  children: TreeNode[];
  /** Entries beneath it, at any depth. */
  size: number;
}

export type TreeNode = TreeLeaf | TreeBranch;

export interface CatalogTree {
  roots: TreeNode[];
  /** Every node by key (entries by id). */
  nodes: Map<string, TreeNode>;
  /** Entries in tree order (which is catalogue order, grouped). */
  leaves: TreeLeaf[];
}

const cache = new WeakMap<Catalog, CatalogTree>();

export function groupKey(groupId: string, subgroupId?: string): string {
  return subgroupId === undefined ? `group:${groupId}` : `group:${groupId}/${subgroupId}`;
}

/** The tree of a catalogue (the same object for the same catalogue). */
export function catalogTree(catalog: Catalog): CatalogTree {
  let tree = cache.get(catalog);
  if (!tree) cache.set(catalog, (tree = buildTree(catalog)));
  return tree;
}

function buildTree(catalog: Catalog): CatalogTree {
  const nodes = new Map<string, TreeNode>();
  const top: TreeLeaf[] = [];
  const bottom: TreeLeaf[] = [];
  const groups: TreeBranch[] = [];
  const groupTitles = new Map(catalog.groups.map((g) => [g.id, g.title]));
  const subgroupTitles = new Map(catalog.groups.flatMap((g) => (g.subgroups ?? []).map((s) => [groupKey(g.id, s.id), s.title] as const)));

  const branch = (key: string, title: LocalizedText, parent: TreeBranch | undefined): TreeBranch => {
    const existing = nodes.get(key);
    if (existing?.kind === 'group') return existing;
    const created: TreeBranch = { kind: 'group', key, title, level: parent ? parent.level + 1 : 1, parent, children: [], size: 0 };
    nodes.set(key, created);
    (parent ? parent.children : groups).push(created);
    return created;
  };

  for (const entry of catalog.entries) {
    if (nodes.has(entry.id)) continue; // duplicate ids are the catalogue validator's business; show the first
    let parent: TreeBranch | undefined;
    if (entry.group !== undefined) {
      parent = branch(groupKey(entry.group), groupTitles.get(entry.group) ?? { zh: entry.group, en: entry.group }, undefined);
      if (entry.subgroup !== undefined) {
        const key = groupKey(entry.group, entry.subgroup);
        parent = branch(key, subgroupTitles.get(key) ?? { zh: entry.subgroup, en: entry.subgroup }, parent);
      }
    }
    const leaf: TreeLeaf = { kind: 'entry', key: entry.id, entry, level: parent ? parent.level + 1 : 1, parent };
    nodes.set(leaf.key, leaf);
    if (parent) parent.children.push(leaf);
    else (groups.length ? bottom : top).push(leaf);
    for (let b = parent; b; b = b.parent) b.size++;
  }

  // Groups in the order the catalogue declares them; undeclared ones after, as they appeared.
  const declared = new Map(catalog.groups.map((g, i) => [groupKey(g.id), i]));
  const ordered = groups
    .map((g, i) => ({ g, rank: declared.get(g.key) ?? catalog.groups.length + i }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ g }) => g);
  const roots: TreeNode[] = [...top, ...ordered, ...bottom];
  const leaves: TreeLeaf[] = [];
  const collect = (list: readonly TreeNode[]) => {
    for (const n of list) {
      if (n.kind === 'entry') leaves.push(n);
      else collect(n.children);
    }
  };
  collect(roots);
  return { roots, nodes, leaves };
}

/** The groups an entry sits in, outermost first. */
export function ancestors(node: TreeNode): TreeBranch[] {
  const out: TreeBranch[] = [];
  for (let b = node.parent; b; b = b.parent) out.unshift(b);
  return out;
}
