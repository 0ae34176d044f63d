/**
 * The catalogue as a navigation tree, grouped the way the Coze docs group it: entries without a group
 * stay at the top level in catalogue order (the docs' overview pages before the groups, error codes and
 * FAQ after them); each group sits where its first entry is, with its own ungrouped entries and its
 * subgroups in catalogue order beneath it. Built once per catalogue and cached.
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
  const roots: TreeNode[] = [];
  const nodes = new Map<string, TreeNode>();
  const leaves: TreeLeaf[] = [];
  const groupTitles = new Map(catalog.groups.map((g) => [g.id, g.title]));
  const subgroupTitles = new Map(catalog.groups.flatMap((g) => (g.subgroups ?? []).map((s) => [groupKey(g.id, s.id), s.title] as const)));

  const branch = (key: string, title: LocalizedText, parent: TreeBranch | undefined): TreeBranch => {
    const existing = nodes.get(key);
    if (existing?.kind === 'group') return existing;
    const created: TreeBranch = { kind: 'group', key, title, level: parent ? parent.level + 1 : 1, parent, children: [], size: 0 };
    nodes.set(key, created);
    (parent ? parent.children : roots).push(created);
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
    leaves.push(leaf);
    (parent ? parent.children : roots).push(leaf);
    for (let b = parent; b; b = b.parent) b.size++;
  }
  return { roots, nodes, leaves };
}

/** The groups an entry sits in, outermost first. */
export function ancestors(node: TreeNode): TreeBranch[] {
  const out: TreeBranch[] = [];
  for (let b = node.parent; b; b = b.parent) out.unshift(b);
  return out;
}
