import type {IndicatorNode, IndicatorSystem} from './system-schema.js';
import type {Rule} from '../rules/rule-schema.js';

/** One node of the tree with the facts every consumer needs, computed once. */
export type IndexedNode = {
	readonly code: string;
	readonly node: IndicatorNode;
	/** 1 for a primary, 2 for a secondary, 3 for a tertiary… */
	readonly level: number;
	readonly parent: string | undefined;
	readonly children: readonly string[];
	/** Position in a depth-first walk: the order of the published table. */
	readonly order: number;
	readonly rule: Rule | undefined;
};

/** Fast look-ups over an indicator tree; build once per system, share everywhere. */
export type SystemIndex = {
	readonly system: IndicatorSystem;
	readonly nodes: ReadonlyMap<string, IndexedNode>;
	/** Every node in depth-first order (parents before children). */
	readonly ordered: readonly IndexedNode[];
	readonly leaves: readonly IndexedNode[];
	readonly primaries: readonly string[];
};

export function indexSystem(system: IndicatorSystem): SystemIndex {
	const nodes = new Map<string, IndexedNode>();
	const ordered: IndexedNode[] = [];
	const walk = (list: IndicatorNode[], level: number, parent: string | undefined) => {
		for (const node of list) {
			const entry: IndexedNode = {
				code: node.code,
				node,
				level,
				parent,
				children: node.children?.map(c => c.code) ?? [],
				order: ordered.length,
				rule: node.rule,
			};
			nodes.set(node.code, entry);
			ordered.push(entry);
			if (node.children) walk(node.children, level + 1, node.code);
		}
	};
	walk(system.indicators, 1, undefined);
	return {
		system,
		nodes,
		ordered,
		leaves: ordered.filter(n => n.children.length === 0),
		primaries: system.indicators.map(n => n.code),
	};
}

/** The codes from the node up to its primary, the node first. */
export function ancestorsOf(index: SystemIndex, code: string): string[] {
	const chain: string[] = [];
	let at: string | undefined = code;
	while (at !== undefined) {
		chain.push(at);
		at = index.nodes.get(at)?.parent;
	}
	return chain;
}

export function countByLevel(index: SystemIndex): number[] {
	const counts: number[] = [];
	for (const n of index.ordered) counts[n.level - 1] = (counts[n.level - 1] ?? 0) + 1;
	return counts;
}
