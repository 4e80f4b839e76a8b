import * as z from 'zod';
import {indicatorCode} from '../system/system-schema.js';
import {regionCode} from '../regions/region-schema.js';
import {schemaText, addIssue} from '../words/zod-issues.js';
import {WORKSPACE_ISSUES as W} from './workspace-words.js';

const isoTime = z.iso.datetime({offset: true, message: schemaText(W.times())});

export const evidence = z.discriminatedUnion('kind', [
	z.strictObject({kind: z.literal('url'), url: z.string().min(1), seenAt: isoTime, by: z.string()}),
	z.strictObject({kind: z.literal('quote'), text: z.string().min(1), source: z.string().optional(), seenAt: isoTime, by: z.string()}),
	z.strictObject({
		kind: z.literal('file'),
		/** The file's name as the assessor knew it; display only, never used as a path. */
		name: z.string().min(1),
		sha256: z.string().regex(/^[0-9a-f]{64}$/),
		size: z.number().int().min(0),
		/** The stored copy inside the evidence folder: `<sha256><.ext>`, nothing else. */
		stored: z.string().regex(/^[0-9a-f]{64}(\.[A-Za-z0-9]{1,10})?$/, schemaText(W.storedName())),
		seenAt: isoTime,
		by: z.string(),
	}),
]);
export type Evidence = z.infer<typeof evidence>;

/**
 * A sampled item's verdict: passed, failed, or not judged yet (null). A new item starts
 * unjudged, so adding an item never scores it as passed by accident.
 */
export const sampleResult = z.boolean().nullable();
export type SampleResult = z.infer<typeof sampleResult>;

/** One sampled service item of a sampled-ratio leaf. */
export const sample = z.strictObject({
	/** A service-item id from the catalog ("SI-0001") or, for items not in it, their name. */
	item: z.string().min(1),
	pass: sampleResult,
	note: z.string().optional(),
	/** What the assessor saw for this item (a URL, a quote, a file), beside the finding's own evidence. */
	evidence: z.array(evidence).optional(),
});
export type Sample = z.infer<typeof sample>;

/** The value a finding records, tagged with the kind of rule it answers. */
export const findingValue = z.discriminatedUnion('type', [
	z.strictObject({type: z.literal('yesno'), met: z.boolean()}),
	z.strictObject({type: z.literal('levels'), level: z.string().min(1)}),
	z.strictObject({type: z.literal('sampled'), samples: z.array(sample)}),
	z.strictObject({type: z.literal('measure'), amount: z.number().finite()}),
	z.strictObject({type: z.literal('direct'), score: z.number().min(0).max(100)}),
]);
export type FindingValue = z.infer<typeof findingValue>;

/**
 * The stored word for each status. `done` is what DESIGN.md (second round) calls "submitted":
 * the assessor's verdict, ready for review. The words stay as they are so that older files load.
 */
export const findingStatus = z.enum(['draft', 'done', 'flagged', 'na']);
export type FindingStatus = z.infer<typeof findingStatus>;

/**
 * A reviewer's decision on one version of a finding: accepted, or returned to the assessor with
 * a note. It is a field of a version (see `reviewFinding`): a review is a new version that
 * descends from the one reviewed, so merges order reviews by the same history as edits, and an
 * assessor's later edit makes a version without it (the new content has not been reviewed).
 */
export const reviewState = z.enum(['accepted', 'returned']);
export type ReviewState = z.infer<typeof reviewState>;
export const review = z.strictObject({
	state: reviewState,
	by: z.string().min(1),
	at: isoTime,
	/** What the reviewer tells the assessor (required in words for a return by the CLI and the TUI). */
	note: z.string().optional(),
});
export type Review = z.infer<typeof review>;

/** What a finding says at one moment; a finding keeps a few earlier ones for merging. */
export const findingVersion = z.strictObject({
	/** Content hash of this version: how a merge tells versions apart. */
	rev: z.string().regex(/^[0-9a-f]{16}$/),
	value: findingValue.nullable(),
	status: findingStatus,
	/**
	 * Why a finding is flagged for review or not applicable (required for both), or why a done
	 * sampled leaf has fewer items than its rule asks for.
	 */
	reason: z.string().optional(),
	note: z.string(),
	/** Who recorded this content, and when: the recorder, who may not review it (unless the workspace allows self-review). */
	by: z.string(),
	at: isoTime,
	/** A reviewer's decision on this content; absent until reviewed (older files never have it). */
	review: review.optional(),
});
export type FindingVersion = z.infer<typeof findingVersion>;

/** A candidate of a settled conflict, kept whole: its version and the evidence it brought. */
export const settledCandidate = findingVersion.extend({evidence: z.array(evidence)});
export type SettledCandidate = z.infer<typeof settledCandidate>;

export const finding = findingVersion.extend({
	region: regionCode,
	indicator: indicatorCode,
	evidence: z.array(evidence),
	/** Earlier versions, newest first, a short list: enough for a merge to see descent. */
	history: z.array(findingVersion),
	/** Set when a person settled a merge conflict into this finding. */
	settled: z
		.strictObject({
			by: z.string(),
			at: isoTime,
			/** The revs of the candidates it was settled from. */
			from: z.array(z.string()),
			/** Why it was settled this way (optional). */
			reason: z.string().optional(),
			/** Every candidate as it stood, with its own evidence: what the assessors said, kept for the record. */
			candidates: z.array(settledCandidate).optional(),
		})
		.optional(),
	/** Set when a merge united equal verdicts of several versions (revs) into this finding. */
	combined: z.strictObject({from: z.array(z.string()).min(2)}).optional(),
});
export type Finding = z.infer<typeof finding>;

/** A merge conflict kept as data: every candidate, in full, until a person settles it. */
export const conflict = z.strictObject({
	region: regionCode,
	indicator: indicatorCode,
	candidates: z.array(finding).min(2),
	since: isoTime,
});
export type Conflict = z.infer<typeof conflict>;

/** A conflict with its candidates unchecked: for validating candidates one by one (see WorkspaceValidator). */
export const conflictShell = conflict.extend({candidates: z.array(z.unknown()).min(2)});

/**
 * One change of the review policy, as recorded: who changed what, when. The policy in force is
 * every change applied in time order (see `reviewPolicyOf`), so two files that changed it merge
 * by uniting their changes, and the record of who required review, and when, is kept.
 */
export const policyChange = z.strictObject({
	by: z.string().min(1),
	at: isoTime,
	/** Final needs every finding accepted. */
	reviewRequired: z.boolean().optional(),
	/** A reviewer may review findings they recorded themselves. */
	selfReview: z.boolean().optional(),
	/** Reviewers assigned by region (region code → name; an empty name removes the assignment). */
	reviewers: z.record(z.string(), z.string()).optional(),
	/** Why (optional). */
	note: z.string().optional(),
});
export type PolicyChange = z.infer<typeof policyChange>;

/** A spot check drawn from a workspace: which leaves were given to a second assessor, blind. */
export const spotCheck = z.strictObject({
	/** Identifies the draw: seed, share, source and time (a merge keeps each draw once). */
	id: z.string().regex(/^[0-9a-f]{16}$/),
	/** The workspace drawn from: its id, file name and assessor. */
	source: z.strictObject({id: z.string().min(1), file: z.string(), assessor: z.string()}),
	/** Who re-checks the leaves. */
	assessor: z.string().min(1),
	/** Who drew it, and when. */
	by: z.string().min(1),
	at: isoTime,
	/** The share asked for (0.1 for 10%), and the seed that makes the draw repeatable. */
	share: z.number().gt(0).max(1),
	seed: z.number().int().min(0).max(4294967295),
	/** The leaves drawn, each with the rev of the version that was re-checked. */
	leaves: z.array(z.strictObject({region: regionCode, indicator: indicatorCode, rev: z.string().regex(/^[0-9a-f]{16}$/)})),
});
export type SpotCheck = z.infer<typeof spotCheck>;

export const WORKSPACE_KIND = 'assess/workspace';
export const WORKSPACE_FORMAT = 1;

export const workspace = z
	.strictObject({
		$schema: z.string().optional(),
		kind: z.literal(WORKSPACE_KIND),
		formatVersion: z.literal(WORKSPACE_FORMAT),
		id: z.string().min(1),
		system: z.strictObject({
			id: z.string().min(1),
			version: z.string().min(1),
			/** SHA-256 of the system file's content when the workspace was made. */
			digest: z.string().regex(/^[0-9a-f]{64}$/),
			/** A team's own system file, relative to the workspace; absent for bundled systems. */
			file: z.string().optional(),
		}),
		/** A weights file relative to the workspace; absent means the bundled weights of the system. */
		weights: z.string().optional(),
		/** SHA-256 of the weights file's content when the workspace was made: score and export say when it changed. */
		weightsDigest: z.string().regex(/^[0-9a-f]{64}$/).optional(),
		/** A team's shared sample plan (the items every region is checked with), relative to the workspace. */
		samplePlan: z.string().optional(),
		assessor: z.string().min(1),
		createdAt: isoTime,
		regions: z.array(regionCode).min(1),
		/** Keyed `<region>/<indicator>`. */
		findings: z.record(z.string(), finding),
		conflicts: z.record(z.string(), conflict).default({}),
		/** Who required review and assigned reviewers, and when (absent: review not required). */
		reviewPolicy: z.strictObject({changes: z.array(policyChange)}).optional(),
		/** Spot checks drawn from this workspace or merged into it. */
		spotChecks: z.array(spotCheck).optional(),
	})
	.superRefine((ws, ctx) => {
		const regions = new Set(ws.regions);
		if (regions.size !== ws.regions.length) addIssue(ctx, ['regions'], W.regionTwice());
		for (const [key, f] of Object.entries(ws.findings)) {
			if (key !== findingKey(f.region, f.indicator)) addIssue(ctx, ['findings', key], W.keyShouldBe({key: findingKey(f.region, f.indicator)}));
			if (!regions.has(f.region)) addIssue(ctx, ['findings', key, 'region'], W.regionNotListed({region: f.region}));
		}
		for (const [key, c] of Object.entries(ws.conflicts)) {
			if (key !== findingKey(c.region, c.indicator)) addIssue(ctx, ['conflicts', key], W.keyShouldBe({key: findingKey(c.region, c.indicator)}));
		}
		(ws.reviewPolicy?.changes ?? []).forEach((change, i) => {
			for (const region of Object.keys(change.reviewers ?? {})) {
				if (!regionCode.safeParse(region).success) addIssue(ctx, ['reviewPolicy', 'changes', i, 'reviewers', region], W.notRegionCode({region}));
			}
		});
	});
export type Workspace = z.infer<typeof workspace>;

export function findingKey(region: string, indicator: string): string {
	return `${region}/${indicator}`;
}
