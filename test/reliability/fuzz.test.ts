import {describe, it, expect} from 'vitest';
import fc from 'fast-check';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {repoRoot} from '../helpers/run-cli.js';
import {parseJsonText} from '../../source/storage/read-json-file.js';
import {UserError} from '../../source/storage/user-error.js';
import {zodIssues} from '../../source/storage/load-files.js';
import {parseWorkspace} from '../../source/storage/workspace-store.js';
import {indicatorSystem} from '../../source/domain/system/system-schema.js';
import {indexSystem} from '../../source/domain/system/system-index.js';
import {weightsFile, checkWeights} from '../../source/domain/weights/weights-schema.js';
import {regionList} from '../../source/domain/regions/region-schema.js';
import {serviceCatalog} from '../../source/domain/catalog/catalog-schema.js';
import {checkWorkspace} from '../../source/domain/workspace/workspace-ops.js';
import {parseChangeLog} from '../../source/storage/change-log.js';
import {workspaceChanges} from '../../source/domain/audit/workspace-changes.js';
import {changeLine} from '../../source/domain/audit/change-entry.js';

const read = (...p: string[]) => readFileSync(join(repoRoot, ...p));
const provinceIndex = indexSystem(indicatorSystem.parse(JSON.parse(read('indicators', '2020-province.json').toString())));
const regionCodes = new Set(regionList.parse(JSON.parse(read('indicators', 'regions.json').toString())).regions.map(r => r.code));

/** Every loader, as the program runs it on a file's bytes: it may accept or refuse, nothing else. */
const loaders: Record<string, {bytes: Buffer; load: (bytes: Buffer) => void}> = {
	system: {bytes: read('test', 'fixtures', 'team-system.json'), load: b => void indicatorSystem.parse(parseJsonText('x.json', b))},
	weights: {
		bytes: read('indicators', '2020-province.weights.json'),
		load: b => {
			const parsed = weightsFile.safeParse(parseJsonText('x.json', b));
			if (!parsed.success) throw UserError.fromIssues('x.json', zodIssues(parsed.error));
			const issues = checkWeights(provinceIndex, parsed.data);
			if (issues.length) throw UserError.fromIssues('x.json', issues);
		},
	},
	regions: {bytes: read('indicators', 'regions.json'), load: b => void regionList.parse(parseJsonText('x.json', b))},
	catalog: {bytes: Buffer.from(JSON.stringify({...JSON.parse(read('indicators', 'service-items.json').toString()), items: JSON.parse(read('indicators', 'service-items.json').toString()).items.slice(0, 20)})), load: b => void serviceCatalog.parse(parseJsonText('x.json', b))},
	// A change log: a line that is not a change is skipped and reported, never a crash.
	'change log': {
		bytes: Buffer.from(workspaceChanges(undefined, parseWorkspace('demo.json', parseJsonText('demo.json', read('workspaces', 'demo.json'))), 'x', '2026-11-24T00:00:00Z').slice(0, 40).map(changeLine).join('\n') + '\n'),
		load: b => void parseChangeLog('x.jsonl', b),
	},
	workspace: {
		bytes: Buffer.from(JSON.stringify({...JSON.parse(read('workspaces', 'demo.json').toString()), findings: Object.fromEntries(Object.entries(JSON.parse(read('workspaces', 'demo.json').toString()).findings).slice(0, 15))})),
		load: b => {
			const ws = parseWorkspace('x.json', parseJsonText('x.json', b));
			const issues = checkWorkspace(provinceIndex, ws, regionCodes);
			if (issues.length) throw UserError.fromIssues('x.json', issues);
		},
	},
};

/** A broken copy: bytes replaced, inserted or cut, or one JSON value swapped for a random one. */
const mutation = (bytes: Buffer) =>
	fc.oneof(
		fc.tuple(fc.nat(bytes.length - 1), fc.integer({min: 0, max: 255})).map(([at, byte]) => Buffer.concat([bytes.subarray(0, at), Buffer.from([byte]), bytes.subarray(at + 1)])),
		fc.tuple(fc.nat(bytes.length), fc.uint8Array({minLength: 1, maxLength: 8})).map(([at, extra]) => Buffer.concat([bytes.subarray(0, at), Buffer.from(extra), bytes.subarray(at)])),
		fc.nat(bytes.length).map(at => bytes.subarray(0, at)),
		fc.tuple(fc.nat(), fc.jsonValue({maxDepth: 2})).map(([pick, value]) => {
			const text = bytes.toString();
			let whole: unknown;
			try {
				whole = JSON.parse(text);
			} catch {
				// JSON lines (a change log): one line gets the random value.
				const lines = text.trimEnd().split('\n');
				const at = pick % lines.length;
				lines[at] = placed(JSON.parse(lines[at]!), pick >> 4, value);
				return Buffer.from(lines.join('\n') + '\n');
			}
			return Buffer.from(placed(whole, pick, value));
		}),
	);

/** The JSON of `data` with `value` put at a random place in it (by `pick`). */
function placed(data: any, pick: number, value: unknown): string {
	// Walk to a random place and put the random value there.
	let node: any = data;
	for (let depth = 0; depth < 6; depth++) {
		const keys = node && typeof node === 'object' ? Object.keys(node) : [];
		if (keys.length === 0) break;
		const key = keys[(pick >> depth) % keys.length]!;
		if (depth === 5 || !node[key] || typeof node[key] !== 'object' || (pick >> (depth + 8)) % 3 === 0) {
			node[key] = value;
			break;
		}
		node = node[key];
	}
	return JSON.stringify(data);
}

describe('fuzz: random mutations of valid files never crash or hang a loader', () => {
	for (const [kind, {bytes, load}] of Object.entries(loaders)) {
		it(`${kind} files`, () => {
			expect(() => load(bytes)).not.toThrow();
			fc.assert(
				fc.property(mutation(bytes), broken => {
					const started = performance.now();
					try {
						load(broken);
					} catch (error) {
						// A refusal must be a user error (a message with a place), or zod's
						// own validation error from the schema: never a TypeError or a RangeError.
						const ok = error instanceof UserError || (error as Error).name === 'ZodError';
						if (!ok) throw error;
					}
					expect(performance.now() - started).toBeLessThan(5000);
				}),
				{numRuns: Number(process.env.ASSESS_FUZZ_RUNS ?? 150)},
			);
		});
	}
});
