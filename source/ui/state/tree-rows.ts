import type {SystemIndex} from '../../domain/system/system-index.js';

export type TreeRow = {code: string; depth: number; isLeaf: boolean; expanded: boolean};

/** The rows of the indicator tree that are visible given which nodes are expanded. */
export function visibleTreeRows(index: SystemIndex, expanded: ReadonlySet<string>): TreeRow[] {
	const rows: TreeRow[] = [];
	const walk = (codes: readonly string[], depth: number) => {
		for (const code of codes) {
			const node = index.nodes.get(code)!;
			const isLeaf = node.children.length === 0;
			const open = expanded.has(code);
			rows.push({code, depth, isLeaf, expanded: open});
			if (!isLeaf && open) walk(node.children, depth + 1);
		}
	};
	walk(index.primaries, 0);
	return rows;
}

/** Every ancestor of a node, so that expanding them makes the node visible. */
export function withAncestorsExpanded(index: SystemIndex, expanded: ReadonlySet<string>, code: string): Set<string> {
	const next = new Set(expanded);
	for (let at = index.nodes.get(code)?.parent; at; at = index.nodes.get(at)?.parent) next.add(at);
	return next;
}

/** The first row of a window of `height` rows that keeps `selected` in view, moving as little as possible. */
export function windowStart(selected: number, previousStart: number, height: number, total: number): number {
	if (height <= 0 || total <= height) return 0;
	let start = Math.min(previousStart, total - height);
	if (selected < start) start = selected;
	if (selected >= start + height) start = selected - height + 1;
	return Math.max(0, start);
}
