import type { Category } from '../../../api/contract-types.js';

export interface CategoryNode extends Category {
  children?: CategoryNode[];
}

const bySortThenCode = (a: Category, b: Category) => a.sort - b.sort || a.code.localeCompare(b.code);

/**
 * The server sends a flat list with parentCode; the table wants a tree. A category whose
 * parent is missing from the list is shown at the top rather than lost.
 */
export function buildCategoryTree(categories: readonly Category[]): CategoryNode[] {
  const nodes = new Map<string, CategoryNode>(categories.map((category) => [category.code, { ...category }]));
  const roots: CategoryNode[] = [];
  for (const node of [...nodes.values()].sort(bySortThenCode)) {
    const parent = node.parentCode ? nodes.get(node.parentCode) : undefined;
    if (!parent) roots.push(node);
    else if (parent.children) parent.children.push(node);
    else parent.children = [node];
  }
  return roots;
}
