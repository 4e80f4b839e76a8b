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
	let draft = 0;
	let flagged = 0;
	const prefix = `${region.code}/`;
	for (const [key, f] of Object.entries(ws.findings)) {
		if (!key.startsWith(prefix)) continue;
		if (f.status === 'draft' && f.value !== null) draft++;
		else if (f.status === 'flagged') flagged++;
	}
	const blockers: Blocker[] = [];
	if (region.unscored > 0) blockers.push({kind: 'unscored', count: region.unscored});
	else if (region.coverage < 1) blockers.push({kind: 'coverage', count: 0});
	if (region.conflicts > 0) blockers.push({kind: 'conflicts', count: region.conflicts});
	if (draft > 0) blockers.push({kind: 'draft', count: draft});
	if (flagged > 0) blockers.push({kind: 'flagged', count: flagged});
	return blockers;
}

export const isProvisional = (region: RegionRow, ws: Workspace): boolean => regionBlockers(region, ws).length > 0;
