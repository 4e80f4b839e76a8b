import type {SystemIndex} from '../../domain/system/system-index.js';
import type {Workspace} from '../../domain/workspace/workspace-schema.js';
import {findingKey} from '../../domain/workspace/workspace-schema.js';
import {finalityOf, BLOCKER_KINDS, type Finality, type BlockerKind} from '../../domain/workspace/finality.js';

/**
 * The domain's `finalityOf`, kept up to date per change: a change touches one region's findings
 * (a key pressed) and only that region is judged again, each region by `finalityOf` itself on a
 * one-region view of the workspace. Judging every leaf of every region on every keypress cost
 * about 0.7 ms at 32 regions. What `finalityOf` says across regions (a measure still open in one
 * region keeps the others' measure scores moving) is put together here the way it does it;
 * test/ui/finality-cache.test.ts holds the two equal on random workspaces and changes.
 */
type Cached = {ws: Workspace; names: (code: string) => string; perRegion: Map<string, Finality>};

const cache = new WeakMap<SystemIndex, Cached>();

/** `changed`: what the change that made `ws` touched, when known (the session's last step). */
export function finalityByRegion(index: SystemIndex, ws: Workspace, regionName: (code: string) => string, changed?: {from: Workspace; regions: readonly string[]}): Finality {
	const previous = cache.get(index);
	// A review policy changed (a merge from disk brought one): every region is judged again.
	const comparable = previous && previous.names === regionName && previous.ws.reviewPolicy === ws.reviewPolicy && sameList(previous.ws.regions, ws.regions);
	// The session says what its last step touched; any other change is found by comparing.
	const reuse = !comparable ? undefined : previous.ws === ws ? new Set<string>() : changed && changed.from === previous.ws ? new Set(changed.regions) : changedRegions(previous.ws, ws);
	const perRegion = new Map<string, Finality>();
	for (const region of ws.regions) {
		const kept = reuse && !reuse.has(region) ? previous!.perRegion.get(region) : undefined;
		perRegion.set(region, kept ?? finalityOf(index, {...ws, regions: [region]}, regionName));
	}
	cache.set(index, {ws, names: regionName, perRegion});
	return combine(index, ws, perRegion);
}

function combine(index: SystemIndex, ws: Workspace, perRegion: ReadonlyMap<string, Finality>): Finality {
	const parts = ws.regions.map(r => perRegion.get(r)!);
	const blockers = parts.flatMap(p => p.blockers);
	const counts = Object.fromEntries(BLOCKER_KINDS.map(k => [k, 0])) as Record<BlockerKind, number>;
	for (const p of parts) for (const k of BLOCKER_KINDS) counts[k] += p.counts[k];
	// As finalityOf: a measure leaf open in any region keeps moving every region that has a value for it.
	const openMeasures = [...new Set(blockers.filter(b => index.nodes.get(b.indicator)?.rule?.type === 'measure').map(b => b.indicator))];
	const regions = ws.regions.map((region, i) => {
		const mine = parts[i]!.regions[0]?.blockers ?? 0;
		const moving = openMeasures.some(code => {
			const f = ws.findings[findingKey(region, code)];
			return f !== undefined && f.status !== 'na' && f.value?.type === 'measure';
		});
		return {region, final: mine === 0 && !moving, blockers: mine};
	});
	return {final: blockers.length === 0, blockers, regions, counts};
}

const sameList = (a: readonly string[], b: readonly string[]) => a === b || (a.length === b.length && a.every((x, i) => x === b[i]));

/** The regions whose findings or conflicts are not the same objects as before (they are never changed in place). */
function changedRegions(before: Workspace, after: Workspace): Set<string> {
	const changed = new Set<string>();
	const diff = <T extends {region: string}>(a: Readonly<Record<string, T>>, b: Readonly<Record<string, T>>) => {
		if (a === b) return;
		for (const key in b) if (b[key] !== a[key]) changed.add(b[key]!.region);
		for (const key in a) if (!(key in b)) changed.add(a[key]!.region);
	};
	diff(before.findings, after.findings);
	diff(before.conflicts, after.conflicts);
	return changed;
}
