/**
 * The rows of the tree a user can see: top-level nodes, and the children of expanded groups, limited
 * to matches while a filter is on. Keyboard navigation, type-ahead and windowed rendering work on this
 * flat list; its cost is the number of visible rows, never the size of collapsed groups.
 */
import type { TreeFilter } from './filter.js';
import type { CatalogTree, TreeBranch, TreeNode } from './model.js';

export interface TreeRow {
  node: TreeNode;
  /** Position among its visible siblings, from 1, and their number (aria-posinset / aria-setsize). */
  posinset: number;
  setsize: number;
  /** For groups: whether their children are shown. */
  expanded: boolean;
}

/** Whether a filter is on (a query with at least one word). */
export function filtering(filter: TreeFilter | undefined): filter is TreeFilter {
  return !!filter && filter.tokens.length > 0;
}

/** The children of a group (or the top-level nodes) left visible by the filter. */
export function visibleChildren(nodes: readonly TreeNode[], filter: TreeFilter | undefined): readonly TreeNode[] {
  if (!filtering(filter)) return nodes;
  return nodes.filter((n) => (n.kind === 'entry' ? filter.entries.has(n.key) : filter.counts.has(n.key)));
}

/** Every visible row in order (depth first). */
export function visibleRows(tree: CatalogTree, filter: TreeFilter | undefined, isExpanded: (branch: TreeBranch) => boolean): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (nodes: readonly TreeNode[]) => {
    const shown = visibleChildren(nodes, filter);
    shown.forEach((node, i) => {
      const expanded = node.kind === 'group' && isExpanded(node);
      rows.push({ node, posinset: i + 1, setsize: shown.length, expanded });
      if (expanded) walk((node as TreeBranch).children);
    });
  };
  walk(tree.roots);
  return rows;
}
