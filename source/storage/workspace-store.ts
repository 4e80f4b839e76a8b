import {existsSync, mkdirSync, realpathSync, lstatSync, accessSync, constants} from 'node:fs';
import {fsProblem} from './fs-errors.js';
import {messages, verbatim, type Message} from '../domain/words/message.js';
import {issue} from '../domain/issues.js';
import {WORKSPACE_ISSUES as W} from '../domain/workspace/workspace-words.js';
import {readBytes, parseJsonText, type ParseOptions} from './read-json-file.js';
import {isUtf8} from 'node:buffer';
import {reduceFindings, type KnownFindings, type Reduced} from './finding-bytes.js';
import {join, dirname, basename, extname} from 'node:path';
import {Low} from 'lowdb';
import {workspace as workspaceSchema, findingKey, WORKSPACE_KIND, WORKSPACE_FORMAT, type Workspace} from '../domain/workspace/workspace-schema.js';
import type {Issue} from '../domain/issues.js';
import {migrateWorkspace} from '../domain/workspace/migrate.js';
import {checkWorkspace} from '../domain/workspace/workspace-ops.js';
import {mergeWorkspaces} from '../domain/merge/merge-workspaces.js';
import {equalWeights} from '../domain/weights/weights-schema.js';
import type {RegionList} from '../domain/regions/region-schema.js';
import {DurableJsonFile, writeFileDurably} from './durable-json-file.js';
import {UserError, firstProblem} from './user-error.js';
import {loadSystem, loadWeights, loadBundledWeights, loadRegions, zodIssues, type LoadedSystem, type LoadedWeights} from './load-files.js';
import {relativeToWorkspace} from './bundled-paths.js';
import {acquireLock, LockedError, type Lock, type LockHolder} from './workspace-lock.js';
import {WorkspaceValidator} from './workspace-validator.js';
import {backupBeforeWriting} from './backups.js';
import {PROGRAM} from '../version.js';
import {workspaceBytes} from './workspace-text.js';
import {ValidationCache} from './validation-cache.js';
import {sha256} from '../domain/canonical-json.js';
import {workspaceChanges, mergeChanges} from '../domain/audit/workspace-changes.js';
import type {ChangeEntry} from '../domain/audit/change-entry.js';
import {appendChanges, changeLogOf, strayLogProblem} from './change-log.js';

const M = messages('storage/workspace', {
	systemFileNotLoaded: {zh: '它的指标体系 {file} 无法载入：', en: 'its indicator system {file} cannot be loaded:'},
	systemNotLoaded: {zh: '它的指标体系 "{id}" 无法载入：', en: 'its indicator system "{id}" cannot be loaded:'},
	notFound: {zh: '不存在', en: 'does not exist'},
	notFoundInit: {zh: '不存在；请用 `assess init` 新建', en: 'does not exist; create it with `assess init`'},
	readOnlyMode: {zh: '为只读文件（权限 {mode}）', en: 'is read-only (mode {mode})'},
	cannotWrite: {zh: '无法写入：{problem}', en: 'cannot be written: {problem}'},
	nothingChanged: {zh: '{problem}；未作任何改动', en: '{problem}; nothing was changed'},
	openReadOnly: {zh: '以只读方式打开；未保存任何内容', en: 'is open read-only; nothing was saved'},
	logWarning: {zh: '{file}：{problem}（assess log 会从工作区中恢复这些变更）', en: '{file}: {problem} (assess log recovers them from the workspace)'},
	changedInvalid: {zh: '已被其他程序修改，现在不是有效的工作区；未保存任何内容（你的改动仍保留在本次会话中；请修复或恢复该文件，或另存为其他文件）：', en: 'was changed by another program and is not a valid workspace now; nothing was saved (your changes are kept in this session; fix or restore the file, or save to another file):'},
	changedUnmergeable: {zh: '已被其他程序修改，且无法合并：{problem}', en: 'was changed by another program, and cannot be merged: {problem}'},
	exists: {zh: '已存在；请换一个名称（未作任何改动）', en: 'already exists; choose another name (nothing was changed)'},
	cannotCreateFolder: {zh: '无法创建它所在的文件夹：{problem}', en: 'cannot create its folder: {problem}'},
	warning: {zh: '{file}：{problem}', en: '{file}: {problem}'},
});

/** The name of the weights used when a team's system has no weights file. */
export const EQUAL_WEIGHTS_FILE = '(equal weights)';

/** Everything a workspace needs to be scored: its system, weights and the known regions. */
export type WorkspaceContext = {
	system: LoadedSystem;
	weights: LoadedWeights;
	regions: RegionList;
};

/**
 * For merging only: findings already validated, by key then rev, each the first
 * copy met. A merge of 30 assessors' files reads the same shared findings 30 times; each
 * distinct version is validated once, and a later file's copy is replaced by the first one
 * (one object per version: less memory, and the merge compares them at no cost). Skipping and
 * replacing a later copy is safe because the merge keeps one version per rev, the first one it
 * meets, and that is the copy that was validated.
 */
export type FindingCache = Map<string, Map<string, Workspace['findings'][string]>>;

/**
 * For a workspace read with a finding cache: the findings that were new to it (the only ones
 * left to check against the system), and whether that is all of them (a file validated whole).
 */
const freshFindings = new WeakMap<Workspace, {keys: string[]; all: boolean; met: number}>();

/**
 * How a workspace was read, when a validation cache was asked for: the SHA-256 of its bytes,
 * whether they were validated in full (a merge validates findings it met before only once),
 * and, for bytes remembered as valid, the context they were checked against then.
 */
type ReadRecord = {digest: string; complete: boolean; remembered?: string};
const reads = new WeakMap<Workspace, ReadRecord>();

export type ReadOptions = {
	/** Files this build validated before are not validated again (not for `assess validate`). */
	validationCache?: ValidationCache;
	/** For merging: findings already validated in an earlier file. */
	findingCache?: FindingCache;
	/** For merging, with `findingCache`: their bytes, so that a later file's same findings are not parsed again. */
	findingBytes?: KnownFindings;
};

/** The parser for a workspace file's bytes: remembered bytes are taken as they are, others validated. */
function workspaceParser(options: ReadOptions): (file: string, bytes: Buffer) => Workspace {
	return (file, bytes) => {
		const digest = options.validationCache ? sha256(bytes) : undefined;
		const context = digest === undefined ? undefined : options.validationCache!.lookup(digest);
		// Remembered bytes passed every check of this build, the scan for repeated keys too.
		const {raw, reduced} = parseFindingsOnce(file, bytes, {trusted: context !== undefined}, options);
		let ws: Workspace;
		// The findings this file brought to a merge (the first copies of their versions).
		let firsts: readonly string[] = [];
		if (context !== undefined && isCurrentWorkspace(raw)) {
			if (digest !== undefined) reads.set(raw, {digest, complete: true, remembered: context});
			if (options.findingCache) firsts = shareFindings(raw.findings, options.findingCache);
			ws = raw;
		} else {
			ws = parseWorkspace(file, raw, options.findingCache);
			const fresh = freshFindings.get(ws);
			firsts = fresh?.keys ?? [];
			// A merge validates a finding version it met in an earlier file only there: a file is validated whole when it had none such.
			if (digest !== undefined) reads.set(ws, {digest, complete: !options.findingCache || fresh?.all === true});
		}
		// Their bytes are remembered once the file is checked against its system (see `finishMergeRead`).
		if (reduced && options.findingBytes) mergeReads.set(ws, {bytes, reduced, firsts});
		return ws;
	};
}

/** A file read for a merge, until it is checked against its system: its bytes, where its findings stand, which it brought. */
const mergeReads = new WeakMap<Workspace, {bytes: Buffer; reduced: Reduced; firsts: readonly string[]}>();

/**
 * After a file read for a merge passed every check: the findings it brought are remembered by
 * their bytes (the files after it need not parse them again), and the file is remembered as
 * valid when every finding in it was checked, here or, byte for byte the same, in an earlier
 * file checked against the same system and regions.
 */
function finishMergeRead(ws: Workspace, context: WorkspaceContext, options: ReadOptions): void {
	const read = mergeReads.get(ws);
	mergeReads.delete(ws);
	const checkedIn = contextDigest(context);
	if (read && options.findingBytes) {
		for (const key of read.firsts) {
			const range = read.reduced.values.get(key);
			if (range) options.findingBytes.add(key, read.bytes.subarray(range[0], range[1]), ws.findings[key]!, checkedIn);
		}
	}
	const record = reads.get(ws);
	const fresh = freshFindings.get(ws);
	const allChecked = record?.complete || (read !== undefined && fresh !== undefined && fresh.met === read.reduced.known.size && [...read.reduced.contexts].every(c => c === checkedIn));
	if (options.validationCache && record && allChecked) options.validationCache.remember(record.digest, checkedIn);
}

/**
 * A workspace file's bytes parsed, with the findings a merge knows byte for byte (an earlier
 * file's) not parsed again but put back as the objects read then (see `reduceFindings`). Any
 * trouble with what is left, and the whole file is parsed: its errors name their places in it.
 */
function parseFindingsOnce(file: string, bytes: Buffer, options: ParseOptions, read: ReadOptions): {raw: unknown; reduced?: Reduced} {
	// What parseJsonText refuses before parsing, checked on the whole file (so a reduced one says nothing else).
	const plain = read.findingBytes && !(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) && !bytes.includes(0) && isUtf8(bytes);
	const reduced = plain ? reduceFindings(bytes, read.findingBytes!) : undefined;
	if (reduced) {
		try {
			const raw = parseJsonText(file, reduced.bytes, options) as {findings?: unknown; formatVersion?: unknown};
			const findings = raw && typeof raw === 'object' ? raw.findings : undefined;
			// Findings are put back as they are now (an older format's would be upgraded first): this format only.
			if (findings && typeof findings === 'object' && !Array.isArray(findings) && raw.formatVersion === WORKSPACE_FORMAT) {
				for (const [key, f] of reduced.known) (findings as Record<string, unknown>)[key] = f;
				return {raw, reduced};
			}
		} catch {
			// Read whole below.
		}
	}
	return {raw: parseJsonText(file, bytes, options), ...(reduced && reduced.known.size === 0 ? {reduced} : {})};
}

/**
 * Remembered bytes passed this build's validation; this only guards the cast. Taking them as
 * they are gives the data validation would: the workspace schema only checks (its objects are
 * strict, nothing is transformed), but for conflicts, which it fills in when absent (hence the
 * check here). test/storage/validation-cache.test.ts holds the schema to that.
 */
function isCurrentWorkspace(raw: unknown): raw is Workspace {
	const ws = raw as Partial<Workspace> | null;
	return typeof ws === 'object' && ws !== null && ws.kind === WORKSPACE_KIND && ws.formatVersion === WORKSPACE_FORMAT && typeof ws.findings === 'object' && typeof ws.conflicts === 'object';
}

/** What a workspace's check against its system depends on: the system file and the known regions. */
function contextDigest(context: WorkspaceContext): string {
	return sha256(`${context.system.digest}\n${context.regions.regions.map(r => r.code).join(',')}`);
}

/** Findings of a workspace remembered as valid, into a merge's cache: each version's first copy kept, later ones replaced by it. */
function shareFindings(findings: Workspace['findings'], cache: FindingCache): string[] {
	const firsts: string[] = [];
	for (const key of Object.keys(findings)) {
		const f = findings[key]!;
		const revs = cache.get(key);
		const first = revs?.get(f.rev);
		if (first) {
			findings[key] = first;
			continue;
		}
		if (revs) revs.set(f.rev, f);
		else cache.set(key, new Map([[f.rev, f]]));
		firsts.push(key);
	}
	return firsts;
}

/** Validates raw JSON as a workspace (upgrading older formats) or throws with the places. */
export function parseWorkspace(file: string, raw: unknown, cache?: FindingCache): Workspace {
	const migrated = migrateWorkspace(raw);
	if (!migrated.ok) throw UserError.fromIssues(file, migrated.issues);
	const value = migrated.value as Record<string, unknown>;
	const findings = value.findings;
	if (cache && findings && typeof findings === 'object' && !Array.isArray(findings)) {
		// The same checks as the whole schema, with each distinct finding validated once.
		type Finding = Workspace['findings'][string];
		const all = findings as Record<string, unknown>;
		const fresh: Record<string, unknown> = {};
		const freshKeys: string[] = [];
		let met = 0;
		// Checked against the regions as written; they are validated below, before any of this counts.
		const regions = new Set(Array.isArray(value.regions) ? value.regions : []);
		const issues: Issue[] = [];
		for (const key of Object.keys(all)) {
			const f = all[key];
			const rev = f && typeof f === 'object' ? (f as {rev?: unknown}).rev : undefined;
			const first = typeof rev === 'string' ? cache.get(key)?.get(rev) : undefined;
			if (!first) {
				fresh[key] = f;
				freshKeys.push(key);
				continue;
			}
			met++;
			const copy = f as Finding;
			// The first copy's region and indicator make its key (it was validated): a copy with the same ones has the right key.
			if ((copy.region !== first.region || copy.indicator !== first.indicator) && key !== findingKey(copy.region, copy.indicator)) issues.push(issue(['findings', key], W.keyShouldBe({key: findingKey(String(copy.region), String(copy.indicator))})));
			if (!regions.has(copy.region)) issues.push(issue(['findings', key, 'region'], W.regionNotListed({region: String(copy.region)})));
			// One object per version (what is read is thrown away whole if anything is wrong).
			all[key] = first;
		}
		const result = workspaceSchema.safeParse(met ? {...value, findings: fresh} : value);
		if (!result.success) throw UserError.fromIssues(file, zodIssues(result.error));
		if (issues.length) throw UserError.fromIssues(file, issues);
		for (const key of freshKeys) {
			const f = all[key] as Finding;
			const revs = cache.get(key);
			if (revs) revs.set(f.rev, f);
			else cache.set(key, new Map([[f.rev, f]]));
		}
		const ws = {...result.data, findings: all as Workspace['findings']};
		freshFindings.set(ws, {keys: freshKeys, all: met === 0, met});
		return ws;
	}
	const result = workspaceSchema.safeParse(value);
	if (!result.success) throw UserError.fromIssues(file, zodIssues(result.error));
	return result.data;
}

/** Loads the system, weights and regions a workspace refers to, and checks it against them. */
export function loadContext(file: string, ws: Workspace, weightsOverride?: string): WorkspaceContext {
	const context = contextOf(file, ws, weightsOverride);
	// Checked against this very context when it was remembered.
	if (reads.get(ws)?.remembered === contextDigest(context)) return context;
	const fresh = freshFindings.get(ws);
	const checked = fresh && !fresh.all ? {...ws, findings: Object.fromEntries(fresh.keys.map(k => [k, ws.findings[k]!]))} : ws;
	const issues = checkWorkspace(context.system.index, checked, knownRegions(context));
	if (issues.length > 0) throw UserError.fromIssues(file, issues);
	return context;
}

/** The system, weights and regions a workspace refers to, loaded but not yet checked against. */
function contextOf(file: string, ws: Workspace, weightsOverride?: string): WorkspaceContext {
	let system: LoadedSystem;
	try {
		system = loadSystem(ws.system.file ? relativeToWorkspace(file, ws.system.file) : ws.system.id);
	} catch (error) {
		if (!(error instanceof UserError)) throw error;
		const what = ws.system.file ? M.systemFileNotLoaded({file: ws.system.file}) : M.systemNotLoaded({id: ws.system.id});
		throw new UserError([{file, place: ws.system.file ? '$.system.file' : '$.system.id', problem: what}, ...error.issues]);
	}
	const regions = loadRegions();
	return {system, weights: resolveWeights(file, ws, system, weightsOverride), regions};
}

/** After a workspace read in full passed every check: its bytes are valid, in this context. */
function rememberRead(ws: Workspace, context: WorkspaceContext, cache: ValidationCache | undefined): void {
	const read = reads.get(ws);
	if (cache && read?.complete) cache.remember(read.digest, contextDigest(context));
}

const knownRegions = (context: WorkspaceContext) => new Set(context.regions.regions.map(r => r.code));

function resolveWeights(file: string, ws: Workspace, system: LoadedSystem, override?: string): LoadedWeights {
	if (override) return loadWeights(override, system.index);
	if (ws.weights) return loadWeights(relativeToWorkspace(file, ws.weights), system.index);
	if (system.bundled) return loadBundledWeights(system.index);
	const beside = join(dirname(system.file), `${basename(system.file, extname(system.file))}.weights.json`);
	if (existsSync(beside)) return loadWeights(beside, system.index);
	const weights = equalWeights(system.index, 'Equal sibling weights: no weights file was found for this system.');
	return {file: EQUAL_WEIGHTS_FILE, weights, digest: ''};
}

export type OpenOptions = {
	/** Take the single-writer lock; when someone else holds it, open read-only instead of failing. */
	write: boolean;
	fallbackToReadOnly?: boolean;
	/** How long to wait for another writer to finish (the command line waits; the TUI does not). */
	waitMs?: number;
	weights?: string;
	/** Skips validating the file when this build validated the same bytes before; remembers it once validated, and after a session's saves. */
	validationCache?: ValidationCache;
	/** Who is making the changes, for the log's entries that carry no author of their own (an undo); default: the workspace's assessor. */
	actor?: string;
};

/** What a save did besides writing: merged a version another program wrote meanwhile. */
export type SaveReport = {
	merged?: {
		/** What was written: the session's workspace and the disk's, merged. */
		ws: Workspace;
		/** Findings (and conflicts) that came from the disk's version. */
		fromDisk: number;
		/** Conflicts the merge made: the disk's version and the session's disagree there. */
		conflicts: number;
		/** The merge's own events for the change log (conflicts made, equal verdicts united). */
		changes?: ChangeEntry[];
	};
};

/**
 * The real path of a workspace: a symlinked workspace is read, locked and written at its
 * target, so that both names take one lock and the link stays a link.
 */
export function realWorkspacePath(file: string): string {
	try {
		return realpathSync(file);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw UserError.of(file, existsSync(file) ? M.notFound() : M.notFoundInit());
		throw UserError.of(file, fsProblem(error));
	}
}

/** Why a workspace file must not be written, if it must not: read-only by its mode or to this user. */
export function readOnlyReason(real: string): Message | undefined {
	let mode: number;
	try {
		mode = lstatSync(real).mode;
	} catch {
		return undefined;
	}
	// Refused even where the user could write it anyway (root): a read-only file says "leave me".
	if ((mode & 0o200) === 0) return M.readOnlyMode({mode: (mode & 0o777).toString(8).padStart(4, '0')});
	try {
		accessSync(real, constants.W_OK);
	} catch (error) {
		return M.cannotWrite({problem: fsProblem(error)});
	}
	return undefined;
}

/**
 * An open workspace: its data, what it needs to be scored, and, when writable, the lock and
 * a durable, coalescing saver (lowdb over our fsyncing adapter). Saves notice when another
 * program changed the file since it was read or last saved, and merge that version in.
 */
export class OpenWorkspace {
	/** The path as given (for messages). */
	readonly file: string;
	/** The real path: what is read, locked and written. */
	readonly realFile: string;
	readonly context: WorkspaceContext;
	readonly readOnly: boolean;
	/** Who holds the lock when this one opened read-only because of it. */
	readonly lockedBy: LockHolder | undefined;
	/** Why it opened read-only when the file itself may not be written (its mode). */
	readonly readOnlyBecause: Message | undefined;
	readonly #db: Low<Workspace>;
	readonly #adapter: DurableJsonFile<Workspace, SaveReport>;
	#lock: Lock | undefined;
	#backedUp = false;
	#saved = false;
	readonly #validator: WorkspaceValidator;
	readonly #validationCache: ValidationCache | undefined;

	private constructor(file: string, realFile: string, db: Low<Workspace>, adapter: DurableJsonFile<Workspace, SaveReport>, context: WorkspaceContext, lock: Lock | undefined, lockedBy: LockHolder | undefined, readOnlyBecause: Message | undefined, validator: WorkspaceValidator, validationCache: ValidationCache | undefined) {
		this.#validationCache = validationCache;
		this.file = file;
		this.realFile = realFile;
		this.#db = db;
		this.#adapter = adapter;
		this.context = context;
		this.#lock = lock;
		this.readOnly = !lock;
		this.lockedBy = lockedBy;
		this.readOnlyBecause = readOnlyBecause;
		this.#validator = validator;
		// Loading validated every finding already (schema, then the system check).
		this.#validator.trust(db.data);
	}

	static async open(file: string, options: OpenOptions): Promise<OpenWorkspace> {
		const real = realWorkspacePath(file);
		let lock: Lock | undefined;
		let lockedBy: LockHolder | undefined;
		let readOnlyBecause: Message | undefined;
		if (options.write) {
			readOnlyBecause = readOnlyReason(real);
			if (readOnlyBecause && !options.fallbackToReadOnly) throw UserError.of(file, M.nothingChanged({problem: readOnlyBecause}));
			const deadline = Date.now() + (options.waitMs ?? 0);
			while (!readOnlyBecause) {
				try {
					lock = acquireLock(real, PROGRAM);
					break;
				} catch (error) {
					if (!(error instanceof LockedError)) throw error;
					if (Date.now() < deadline) {
						await new Promise(r => setTimeout(r, 50 + Math.random() * 100));
						continue;
					}
					if (!options.fallbackToReadOnly) throw error.named(real, file);
					lockedBy = error.holder;
					break;
				}
			}
		}
		try {
			// Set once the context is known: a save that finds the file changed on disk merges it in.
			let onDiskChange: ((ours: Workspace, disk: Buffer) => {data: Workspace; report: SaveReport}) | undefined;
			let onWritten: ((ours: Workspace, written: Workspace, report: SaveReport | undefined) => Promise<void>) | undefined;
			const adapter = new DurableJsonFile<Workspace, SaveReport>(real, {
				serialize: workspaceBytes,
				parse: workspaceParser({validationCache: options.validationCache}),
				changedOnDisk: (ours, disk) => onDiskChange!(ours, disk),
				written: (ours, written, report) => onWritten?.(ours, written, report),
			});
			// lowdb wants default data; null marks "not read yet" and is replaced by read() or refused below.
			const db = new Low<Workspace>(adapter, null as unknown as Workspace);
			await db.read();
			if (!db.data) throw UserError.of(file, M.notFoundInit());
			const context = loadContext(real, db.data, options.weights);
			rememberRead(db.data, context, options.validationCache);
			const validator = new WorkspaceValidator(context.system.index, knownRegions(context));
			onDiskChange = (ours, disk) => mergeDiskVersion(real, ours, disk, context, validator, options.actor ?? db.data.assessor);
			const opened = new OpenWorkspace(file, real, db, adapter, context, lock, lockedBy, readOnlyBecause, validator, options.validationCache);
			const actor = options.actor ?? db.data.assessor;
			let onDisk = db.data;
			// The audit trail: what each write changed, appended once it is on disk.
			onWritten = async (ours, written, report) => {
				const at = new Date().toISOString();
				const entries = [...workspaceChanges(onDisk, ours, actor, at), ...(report?.merged?.changes ?? [])];
				onDisk = written;
				try {
					await appendChanges(changeLogOf(real), entries);
				} catch (error) {
					if (!(error instanceof UserError)) throw error;
					opened.warnings.push(M.logWarning({file: error.issues[0]?.file ?? '', problem: firstProblem(error)}));
				}
			};
			return opened;
		} catch (error) {
			lock?.release();
			throw error instanceof UserError ? error.named(real, file) : error;
		}
	}

	get data(): Workspace {
		return this.#db.data;
	}

	/**
	 * Validates and saves a new state of the workspace. The in-memory state changes at once; the
	 * returned promise resolves when it is on disk, with what else happened (a version another
	 * program wrote meanwhile merged in). Invalid data is refused and nothing is written.
	 */
	async save(next: Workspace): Promise<SaveReport> {
		if (this.readOnly) throw UserError.of(this.file, M.openReadOnly());
		const issues = this.#validator.check(next);
		if (issues.length > 0) throw UserError.fromIssues(this.file, issues);
		if (!this.#backedUp) {
			const warning = backupBeforeWriting(this.realFile);
			this.#backedUp = true;
			if (warning) this.warnings.push(warning);
		}
		this.#db.data = next;
		this.#saved = true;
		const report = await this.#adapter.writeReporting(next);
		if (report?.merged && this.#db.data === next) this.#db.data = report.merged.ws;
		return report ?? {};
	}

	/** Things worth telling the user that did not stop the work (a backups folder that was skipped). */
	readonly warnings: Message[] = [];

	/** Waits for pending saves, remembers the file as valid, then lets go of the lock. */
	async close(): Promise<void> {
		try {
			await this.#adapter.flushed();
			this.#rememberValid();
		} finally {
			this.#lock?.release();
			this.#lock = undefined;
		}
	}

	/**
	 * Tells the validation cache that the file holds valid data after a session that saved: when
	 * the file holds the bytes of the last save (validated data), not anything written since.
	 */
	#rememberValid(): void {
		const cache = this.#validationCache;
		if (!cache || !this.#saved) return;
		try {
			const bytes = workspaceBytes(this.data);
			if (readBytes(this.realFile).equals(bytes)) cache.remember(sha256(bytes), contextDigest(this.context));
		} catch {
			// The file went away or cannot be read: nothing to remember.
		}
	}
}

/**
 * Another program wrote the workspace while this session had it open: its version, validated
 * like any file, merged with the session's by the same merge as \`assess merge\` (nothing is
 * lost; disagreements become conflicts).
 */
function mergeDiskVersion(file: string, ours: Workspace, disk: Buffer, context: WorkspaceContext, validator: WorkspaceValidator, actor: string): {data: Workspace; report: SaveReport} {
	let theirs: Workspace;
	try {
		theirs = parseWorkspace(file, parseJsonText(file, disk));
		const issues = checkWorkspace(context.system.index, theirs, knownRegions(context));
		if (issues.length > 0) throw UserError.fromIssues(file, issues);
	} catch (error) {
		if (!(error instanceof UserError)) throw error;
		throw new UserError([{file, place: '', problem: M.changedInvalid()}, ...error.issues]);
	}
	const merged = mergeWorkspaces([ours, theirs], {id: ours.id, assessor: ours.assessor, createdAt: ours.createdAt});
	if (!merged.ok) throw UserError.fromIssues(file, merged.issues.map(i => issue(i.path, M.changedUnmergeable({problem: i.said ?? verbatim(i.message)}))));
	// Ours comes first: the merge keeps its system, weights file, id and assessor.
	const ws = merged.value.workspace;
	const issues = validator.check(ws);
	if (issues.length > 0) throw UserError.fromIssues(file, issues);
	let fromDisk = 0;
	for (const [key, f] of Object.entries(ws.findings)) if (ours.findings[key]?.rev !== f.rev) fromDisk++;
	let conflicts = 0;
	for (const key of Object.keys(ws.conflicts)) if (!ours.conflicts[key]) conflicts++;
	const changes = mergeChanges([ours, theirs], ws, actor, new Date().toISOString());
	return {data: ws, report: {merged: {ws, fromDisk: fromDisk + conflicts, conflicts, changes}}};
}

/**
 * Creates a new workspace file; refuses to overwrite an existing one, or to start beside the
 * change log of an earlier file of the same name. Its change log starts with what it holds.
 */
export async function createWorkspaceFile(file: string, ws: Workspace, actor: string = ws.assessor): Promise<{warnings: Message[]}> {
	if (existsSync(file)) throw UserError.of(file, M.exists());
	const stray = strayLogProblem(file);
	if (stray) throw UserError.of(file, stray);
	const result = workspaceSchema.safeParse(ws);
	if (!result.success) throw UserError.fromIssues(file, zodIssues(result.error));
	try {
		mkdirSync(dirname(file), {recursive: true});
	} catch (error) {
		throw UserError.of(file, M.cannotCreateFolder({problem: fsProblem(error)}));
	}
	const adapter = new DurableJsonFile<Workspace>(file, {serialize: workspaceBytes, parse: workspaceParser({})});
	await adapter.write(result.data);
	try {
		const log = changeLogOf(realWorkspacePath(file));
		await appendChanges(log, workspaceChanges(undefined, result.data, actor, new Date().toISOString()));
		// There from the start, even empty: a team that commits the new workspace commits its log with it.
		if (!existsSync(log)) await writeFileDurably(log, '', {keepPrevious: false});
	} catch (error) {
		if (!(error instanceof UserError)) throw error;
		return {warnings: [M.warning({file: error.issues[0]?.file ?? '', problem: firstProblem(error)})]};
	}
	return {warnings: []};
}

/**
 * Writes a whole workspace (a merge result), validated against its schema and its system
 * first; durable and atomic like every save. The caller holds the lock if the file is shared.
 * Findings of `trusted` workspaces (read and validated against the same system) are not
 * validated again: a merge checks only the findings it made.
 */
export async function writeWorkspaceFile(file: string, ws: Workspace, trusted: readonly {data: Workspace; context: WorkspaceContext}[] = [], validationCache?: ValidationCache): Promise<void> {
	// The shell first: the system it names must be sound before it is loaded.
	const shell = workspaceSchema.safeParse({...ws, findings: {}, conflicts: {}});
	if (!shell.success) throw UserError.fromIssues(file, zodIssues(shell.error));
	const context = contextOf(file, ws);
	const validator = new WorkspaceValidator(context.system.index, knownRegions(context));
	for (const t of trusted) if (t.context.system.digest === context.system.digest) validator.trust(t.data);
	const issues = validator.check(ws);
	if (issues.length > 0) throw UserError.fromIssues(file, issues);
	// What the schema would fill in: conflicts default to none.
	const data = ws.conflicts ? ws : {...ws, conflicts: {}};
	const bytes = workspaceBytes(data);
	await writeFileDurably(file, bytes);
	// Written from validated data: opening it next (to settle conflicts) needs no validation.
	validationCache?.remember(sha256(bytes), contextDigest(context));
}

/** Reads a workspace without locking it (score, export, validate, merge). */
export async function readWorkspace(file: string, options: ReadOptions & {weights?: string} = {}): Promise<{data: Workspace; context: WorkspaceContext}> {
	const adapter = new DurableJsonFile<Workspace>(file, {serialize: workspaceBytes, parse: workspaceParser(options)});
	const data = await adapter.read();
	if (!data) throw UserError.of(file, M.notFoundInit());
	const context = loadContext(file, data, options.weights);
	if (options.findingCache) finishMergeRead(data, context, options);
	else rememberRead(data, context, options.validationCache);
	return {data, context};
}

