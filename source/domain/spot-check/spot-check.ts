import type {SystemIndex} from '../system/system-index.js';
import {ancestorsOf} from '../system/system-index.js';
import type {Finding, SpotCheck, Workspace} from '../workspace/workspace-schema.js';
import {findingKey} from '../workspace/workspace-schema.js';
import {recordFinding} from '../workspace/record-finding.js';
import {changeId} from '../audit/change-entry.js';
import {teamAgreement, type TeamAgreementReport} from '../agreement/team-agreement.js';

/**
 * A seeded random source (mulberry32): the same seed gives the same draws on every machine and
 * Node version, so a spot check can be drawn again and checked.
 */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** One stratum of a draw: a region and a primary indicator, the submitted findings in it, and how many were drawn. */
export type Stratum = {region: string; primary: string; submitted: number; drawn: number};

export type Draw = {leaves: {region: string; indicator: string; rev: string}[]; strata: Stratum[]; submitted: number};

/**
 * Draws a stratified random share of the submitted findings (done or not applicable, not in
 * conflict): strata are region × primary indicator; each gets its share of the total
 * (round(share × submitted), at least one) by largest remainder, ties broken at random; within a
 * stratum, leaves are drawn at random. Everything in a fixed order from the seed: the same
 * workspace, share and seed give the same leaves.
 */
export function drawSpotCheck(index: SystemIndex, ws: Workspace, share: number, seed: number, regions: readonly string[] = ws.regions): Draw {
	const random = seededRandom(seed);
	const strata: {region: string; primary: string; findings: Finding[]}[] = [];
	for (const region of ws.regions) {
		if (!regions.includes(region)) continue;
		const byPrimary = new Map<string, Finding[]>(index.primaries.map(p => [p, []]));
		for (const leaf of index.leaves) {
			const key = findingKey(region, leaf.code);
			const f = ws.findings[key];
			if (!f || ws.conflicts[key] || (f.status !== 'done' && f.status !== 'na')) continue;
			byPrimary.get(ancestorsOf(index, leaf.code).at(-1)!)!.push(f);
		}
		for (const [primary, findings] of byPrimary) if (findings.length) strata.push({region, primary, findings});
	}
	const submitted = strata.reduce((n, s) => n + s.findings.length, 0);
	if (submitted === 0) return {leaves: [], strata: [], submitted: 0};
	const total = Math.min(submitted, Math.max(1, Math.round(share * submitted)));
	const exact = strata.map(s => (s.findings.length * total) / submitted);
	const quota = exact.map(Math.floor);
	const ties = strata.map(() => random());
	const order = strata.map((_, i) => i).sort((a, b) => exact[b]! - quota[b]! - (exact[a]! - quota[a]!) || ties[a]! - ties[b]!);
	for (let left = total - quota.reduce((a, b) => a + b, 0), i = 0; left > 0; left--, i++) quota[order[i]!]!++;
	const leaves: Draw['leaves'] = [];
	const out: Stratum[] = [];
	strata.forEach((s, i) => {
		const pool = [...s.findings];
		// Fisher–Yates, as far as needed.
		for (let j = 0; j < quota[i]!; j++) {
			const k = j + Math.floor(random() * (pool.length - j));
			[pool[j], pool[k]] = [pool[k]!, pool[j]!];
		}
		const chosen = pool.slice(0, quota[i]).sort((a, b) => index.nodes.get(a.indicator)!.order - index.nodes.get(b.indicator)!.order);
		for (const f of chosen) leaves.push({region: f.region, indicator: f.indicator, rev: f.rev});
		out.push({region: s.region, primary: s.primary, submitted: s.findings.length, drawn: quota[i]!});
	});
	return {leaves, strata: out, submitted};
}

export type SpotCheckRequest = {
	draw: Draw;
	share: number;
	seed: number;
	/** The second assessor. */
	assessor: string;
	/** Who drew it. */
	by: string;
	at: string;
	/** The new workspace's id, and the source's file name (for the record). */
	id: string;
	sourceFile: string;
};

/**
 * The workspace the second assessor re-checks, blind: the drawn leaves and nothing of what the
 * first assessor found there (no value, note, evidence or status). A sampled leaf starts with
 * the same items, not judged (the re-check judges the same items); they are no verdict, so a
 * leaf not re-checked merges back without a conflict. The draw is recorded in it.
 */
export function spotCheckWorkspace(source: Workspace, request: SpotCheckRequest): Workspace {
	const {draw, assessor, at} = request;
	const record: SpotCheck = {
		id: changeId([source.id, String(request.seed), String(request.share), request.at, assessor]),
		source: {id: source.id, file: request.sourceFile, assessor: source.assessor},
		assessor,
		by: request.by,
		at,
		share: request.share,
		seed: request.seed,
		leaves: draw.leaves,
	};
	const regions = source.regions.filter(r => draw.leaves.some(l => l.region === r));
	const findings: Record<string, Finding> = {};
	for (const leaf of draw.leaves) {
		const f = source.findings[findingKey(leaf.region, leaf.indicator)];
		if (f?.value?.type !== 'sampled' || f.value.samples.length === 0) continue;
		findings[findingKey(leaf.region, leaf.indicator)] = recordFinding(undefined, leaf.region, leaf.indicator, {value: {type: 'sampled', samples: f.value.samples.map(s => ({item: s.item, pass: null}))}}, assessor, at);
	}
	return {
		...(source.$schema ? {$schema: source.$schema} : {}),
		kind: source.kind,
		formatVersion: source.formatVersion,
		id: request.id,
		system: source.system,
		...(source.weights ? {weights: source.weights} : {}),
		...(source.weightsDigest ? {weightsDigest: source.weightsDigest} : {}),
		...(source.samplePlan ? {samplePlan: source.samplePlan} : {}),
		assessor,
		createdAt: at,
		regions: regions.length ? regions : [...source.regions.slice(0, 1)],
		findings,
		conflicts: {},
		spotChecks: [record],
	};
}

/**
 * Agreement on the re-checked leaves: the first assessor's verdicts (the versions drawn, or
 * what the other files hold there now) against the second assessor's, by the same statistics
 * as `assess agreement`. Only leaves both gave a verdict on count.
 */
export function spotCheckAgreement(index: SystemIndex, s: SpotCheck, originals: readonly Workspace[], recheck: Workspace): TeamAgreementReport {
	const keys = new Set(s.leaves.map(l => findingKey(l.region, l.indicator)));
	const restrict = (ws: Workspace, pick: (key: string) => Finding | undefined): Workspace => {
		const findings: Record<string, Finding> = {};
		for (const key of keys) {
			const f = pick(key);
			if (f) findings[key] = f;
		}
		return {...ws, findings, conflicts: {}};
	};
	const original = restrict(recheck, key => {
		const rev = s.leaves.find(l => findingKey(l.region, l.indicator) === key)!.rev;
		// The version drawn, or the newest one any other file holds that descends from it.
		for (const ws of originals) {
			const f = ws.findings[key];
			if (f && (f.rev === rev || f.history.some(h => h.rev === rev))) return f;
		}
		return undefined;
	});
	const theirs = restrict(recheck, key => recheck.findings[key]);
	return teamAgreement(index, [{...original, regions: [...new Set(s.leaves.map(l => l.region))]}, {...theirs, regions: [...new Set(s.leaves.map(l => l.region))]}]);
}
