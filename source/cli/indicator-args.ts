import {ancestorsOf, type SystemIndex} from '../domain/system/system-index.js';
import {UserError} from '../storage/user-error.js';
import {messages} from '../domain/words/message.js';

const M = messages('cli/indicator-args', {
	unknown: {zh: '"{code}" 不是 {system} 的评估指标；参见 `assess search`', en: '"{code}" is not an indicator of {system}; see `assess search`'},
	none: {zh: '没有给出评估指标', en: 'no indicator given'},
});

/**
 * Reads an indicator argument as the leaves it names: `all`, a leaf's code, or a code above
 * leaves (every leaf under it: `3` is all of primary indicator 3), in published order.
 */
export function resolveLeaves(index: SystemIndex, arg: string, where: string): string[] {
	if (arg.trim().toLowerCase() === 'all') return index.leaves.map(l => l.code);
	const out: string[] = [];
	for (const code of arg.split(/[,，]/).map(p => p.trim()).filter(Boolean)) {
		const node = index.nodes.get(code);
		if (!node) throw UserError.of(where, M.unknown({code, system: index.system.id}));
		const under = index.leaves.filter(l => ancestorsOf(index, l.code).includes(code)).map(l => l.code);
		for (const leaf of under) if (!out.includes(leaf)) out.push(leaf);
	}
	if (out.length === 0) throw UserError.of(where, M.none());
	return out;
}
