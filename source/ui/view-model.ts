import {unscoredLeaves} from '../domain/workspace/workspace-ops.js';
import {assessorWalk, type WalkItem} from '../domain/review/review-queue.js';
import {reviewStageOf} from '../domain/review/review-stage.js';
import type {SystemIndex} from '../domain/system/system-index.js';
import type {Workspace} from '../domain/workspace/workspace-schema.js';
import {findingKey} from '../domain/workspace/workspace-schema.js';
import type {WorkspaceScore, RegionScore} from '../domain/scoring/score-workspace.js';
import type {Finality} from '../domain/workspace/finality.js';
import type {LeafStatus} from './strings.js';

/** The status mark of a leaf in a region: a submitted finding a reviewer decided on shows the decision. */
export function leafStatus(ws: Workspace, region: string, code: string): LeafStatus {
	const key = findingKey(region, code);
	if (ws.conflicts[key]) return 'conflict';
	const f = ws.findings[key];
	if (!f) return 'none';
	if (f.status === 'draft' && f.value === null && f.note === '' && f.evidence.length === 0) return 'none';
	const stage = reviewStageOf(f);
	return stage === 'accepted' || stage === 'returned' ? stage : f.status;
}

/** A row of the regions list; `final`: its total and tier are final (its rank only when `wholeFinal`). */
export type RegionRowView = {code: string; name: string; scored: number; leaves: number; score: RegionScore | undefined; conflicts: number; final: boolean; wholeFinal: boolean};

/** `names`: display names (through the output boundary). */
export function regionRows(index: SystemIndex, ws: Workspace, scores: WorkspaceScore, names: ReadonlyMap<string, string>, finality: Finality): RegionRowView[] {
	const final = new Map(finality.regions.map(r => [r.region, r.final]));
	const byCode = new Map(scores.regions.map(r => [r.code, r]));
	const conflicts = new Map<string, number>();
	for (const c of Object.values(ws.conflicts)) conflicts.set(c.region, (conflicts.get(c.region) ?? 0) + 1);
	return ws.regions.map(code => {
		const score = byCode.get(code);
		// The scorer already counted the unscored leaves; a conflicted leaf has no finding, so it is among them.
		return {code, name: names.get(code) ?? code, leaves: index.leaves.length, scored: index.leaves.length - (score?.unscored ?? index.leaves.length), score, conflicts: conflicts.get(code) ?? 0, final: final.get(code) ?? false, wholeFinal: finality.final};
	});
}

/** The next (or previous) unscored leaf after `from`, wrapping around; undefined when none is left. */
export function walkUnscored(index: SystemIndex, ws: Workspace, region: string, from: string, direction: 1 | -1): string | undefined {
	const open = new Set(unscoredLeaves(index, ws, region));
	if (open.size === 0) return undefined;
	const order = index.leaves.map(l => l.code);
	const fromNode = index.nodes.get(from);
	// From an inner node, start at its first leaf's position.
	let at = order.indexOf(from);
	if (at === -1 && fromNode) at = order.findIndex(c => index.nodes.get(c)!.order > fromNode.order) - (direction === 1 ? 1 : 0);
	for (let step = 1; step <= order.length; step++) {
		const code = order[(((at + direction * step) % order.length) + order.length) % order.length]!;
		if (open.has(code)) return code;
	}
	return undefined;
}

/**
 * The assessor's walk (n / N): findings a reviewer returned first, then the leaves not scored
 * (the domain's `assessorWalk`), from the leaf at hand (`from`; undefined: from the start or the
 * end). Off the walk, `n` offers the first returned finding while any is left, else the next
 * unscored leaf after `from` in published order. Undefined when nothing is left to do.
 */
export function walkTodo(index: SystemIndex, ws: Workspace, region: string, from: string | undefined, direction: 1 | -1): WalkItem | undefined {
	const items = assessorWalk(index, ws, region);
	if (items.length === 0) return undefined;
	if (from === undefined) return direction === 1 ? items[0] : items.at(-1);
	const at = items.findIndex(i => i.indicator === from);
	if (at >= 0) return items[(at + direction + items.length) % items.length];
	const returned = items.filter(i => i.why === 'returned');
	if (returned.length > 0) return direction === 1 ? returned[0] : returned.at(-1);
	const next = walkUnscored(index, ws, region, from, direction);
	return items.find(i => i.indicator === next);
}

/** `[####......]` — ASCII, because block glyphs are ambiguous-width in CJK terminals. */
export function bar(share: number, width: number): string {
	const filled = Math.round(Math.max(0, Math.min(1, share)) * width);
	return '#'.repeat(filled) + '.'.repeat(width - filled);
}

/** Ranks before a weights change, to show which ranks moved. */
export function rankMoves(before: ReadonlyMap<string, number | null> | undefined, scores: WorkspaceScore): Map<string, number> {
	const moves = new Map<string, number>();
	if (!before) return moves;
	for (const r of scores.regions) {
		const old = before.get(r.code);
		if (old != null && r.rank != null && old !== r.rank) moves.set(r.code, old - r.rank);
	}
	return moves;
}
