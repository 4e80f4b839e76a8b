import type {RegionRow} from '../domain/scoring/score-report.js';
import type {Workspace} from '../domain/workspace/workspace-schema.js';

/** Why a region's results are not final yet. */
export type Blocker = {kind: 'unscored' | 'conflicts' | 'draft' | 'flagged' | 'coverage'; count: number};

/**
 * THE ONE PLACE that decides whether a region's results are final or provisional, for the
 * report and for compare. A stand-in until the domain's own finality function lands (it will
 * list the same blockers and more, e.g. too few samples): switch to it here, in this one
 * function, and every page, mark and JSON field follows.
 *
 * Provisional while anything applicable is unscored (or coverage < 1), a merge conflict is
 * open, or a finding is still a draft or flagged for review (DESIGN.md's "final").
 */
export function regionBlockers(region: RegionRow, ws: Workspace): Blocker[] {
	const {draft, flagged} = statusCounts(ws).get(region.code) ?? {draft: 0, flagged: 0};
	const blockers: Blocker[] = [];
	if (region.unscored > 0) blockers.push({kind: 'unscored', count: region.unscored});
	else if (region.coverage < 1) blockers.push({kind: 'coverage', count: 0});
	if (region.conflicts > 0) blockers.push({kind: 'conflicts', count: region.conflicts});
	if (draft > 0) blockers.push({kind: 'draft', count: draft});
	if (flagged > 0) blockers.push({kind: 'flagged', count: flagged});
	return blockers;
}

/** Drafts with a value and flagged findings per region, counted once per workspace (64 regions ask). */
const counted = new WeakMap<Workspace, Map<string, {draft: number; flagged: number}>>();
function statusCounts(ws: Workspace): Map<string, {draft: number; flagged: number}> {
	let counts = counted.get(ws);
	if (!counts) {
		counts = new Map();
		for (const f of Object.values(ws.findings)) {
			if (f.status !== 'flagged' && !(f.status === 'draft' && f.value !== null)) continue;
			const c = counts.get(f.region) ?? counts.set(f.region, {draft: 0, flagged: 0}).get(f.region)!;
			if (f.status === 'flagged') c.flagged++;
			else c.draft++;
		}
		counted.set(ws, counts);
	}
	return counts;
}

export const isProvisional = (region: RegionRow, ws: Workspace): boolean => regionBlockers(region, ws).length > 0;
