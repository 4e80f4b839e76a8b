import {watchFile, unwatchFile, statSync, existsSync} from 'node:fs';
import {spawn} from 'node:child_process';
import {basename, dirname, extname, join, resolve} from 'node:path';
import type {Workspace} from '../../domain/workspace/workspace-schema.js';
import {workspace as workspaceSchema} from '../../domain/workspace/workspace-schema.js';
import {checkWorkspace} from '../../domain/workspace/workspace-ops.js';
import {runExport} from '../../export/run-export.js';
import type {SaveError, SaveResult, SessionPort, WeightsUpdate} from './session-port.js';
import {OpenWorkspace, readWorkspace, writeWorkspaceFile} from '../../storage/workspace-store.js';
import {ValidationCache} from '../../storage/validation-cache.js';
import {loadWeights} from '../../storage/load-files.js';
import {UserError} from '../../storage/user-error.js';
import {parseEvidence} from '../../storage/evidence-spec.js';
import {evidenceFolderOf} from '../../storage/evidence-store.js';
import {isStale, lockFileOf, readHolder, LockedError, type LockHolder} from '../../storage/workspace-lock.js';
import {LastPositions} from '../../storage/last-position.js';
import {messages, say} from '../../domain/words/message.js';
import type {Lang} from '../../domain/text.js';
import {problemText} from '../problem-text.js';

const M = messages('ui/file-port', {
	quoteHasNothing: {zh: '引文证据没有可打开的内容', en: 'a quote has nothing to open'},
	storedMissing: {zh: '存储的证据文件不见了', en: 'the stored evidence file is missing'},
	cannotOpen: {zh: '无法打开证据：{problem}', en: 'cannot open evidence: {problem}'},
});

export type FilePortOptions = {file: string; weights?: string; env: NodeJS.ProcessEnv; cwd: string; user: string; lang: Lang};

/**
 * What `OpenWorkspace.save` resolves with, as the TUI's SaveResult: nothing (a plain save) or
 * the merge it made with a file another program had changed. The one place the two meet.
 */
export function toSaveResult(saved: unknown): SaveResult {
	const merged = (saved as {merged?: SaveResult['merged']} | undefined)?.merged;
	return merged ? {merged: {ws: merged.ws, fromDisk: merged.fromDisk, conflicts: merged.conflicts}} : {};
}

const stampOf = (file: string) => {
	try {
		const s = statSync(file);
		return `${s.ino}:${s.size}:${s.mtimeMs}`;
	} catch {
		return 'missing';
	}
};

/** The session port over the real files: the open workspace, its lock, evidence, weights, exports. */
export function filePort(opened: OpenWorkspace, options: FilePortOptions): SessionPort {
	let ws = opened;
	const {file, cwd, env} = options;
	const {context} = ws;
	const loadedWeights = stampOf(context.weights.file);
	const positions = LastPositions.fromEnvironment(env);
	let onDisk: ((ws: Workspace) => void) | undefined;
	// The storage layer's warnings said so far (of this workspace, or of the one a take-over
	// opened): each save reports the ones not said yet.
	const said = new WeakSet<object>();
	const newWarnings = (result: SaveResult): SaveResult => {
		const fresh = ws.warnings.filter(w => !said.has(w));
		for (const w of fresh) said.add(w);
		return fresh.length ? {...result, warnings: fresh.map(w => say(options.lang, w))} : result;
	};

	/** Why a save failed: the data itself (checked only now that it failed), or the disk. */
	const refusal = (error: unknown, data: Workspace): SaveError => {
		const out: SaveError = error instanceof Error ? error : new Error(String(error));
		const schema = workspaceSchema.safeParse(data);
		out.invalid = !schema.success || checkWorkspace(context.system.index, data, new Set(context.regions.regions.map(r => r.code))).length > 0;
		return out;
	};

	return {
		get readOnly() {
			return ws.readOnly;
		},
		get lockedBy() {
			return ws.lockedBy;
		},
		save: data =>
			ws.save(data).then(
				saved => newWarnings(toSaveResult(saved)),
				(error: unknown) => Promise.reject(refusal(error, data)),
			),
		async saveAs(target, data) {
			const path = resolve(cwd, target);
			if (existsSync(path)) throw UserError.of(path, 'already exists; choose a new name (nothing was written)');
			await writeWorkspaceFile(path, data);
			return path;
		},
		// Beside the real file: a symlinked workspace keeps its evidence with its target.
		evidence: (spec, by, at) => parseEvidence(spec, ws.realFile, cwd, by, at, {source: 'evidence'}),
		async openEvidence(e) {
			const target = e.kind === 'url' ? e.url : e.kind === 'file' ? join(evidenceFolderOf(ws.realFile), e.stored) : undefined;
			if (!target) throw UserError.of('evidence', M.quoteHasNothing());
			if (e.kind === 'file' && !existsSync(target)) throw UserError.of(target, M.storedMissing());
			const [command, args] = process.platform === 'darwin' ? ['open', [target]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', target]] : ['xdg-open', [target]];
			await new Promise<void>((done, fail) => {
				const child = spawn(command as string, args as string[], {detached: true, stdio: 'ignore'});
				child.once('error', error => fail(UserError.of(command as string, M.cannotOpen({problem: problemText(options.lang, error)}))));
				child.once('spawn', () => {
					child.unref();
					done();
				});
			});
		},
		watchWeights(onChange: (u: WeightsUpdate) => void) {
			const weights = context.weights.file;
			if (weights.startsWith('(')) return () => undefined;
			// Polling survives editors that save by renaming a new file over the old one.
			let seen = loadedWeights;
			const listener = () => {
				const now = stampOf(weights);
				if (now === seen) return;
				seen = now;
				try {
					const loaded = loadWeights(weights, context.system.index);
					onChange({ok: true, weights: loaded.weights.weights, file: weights, loaded});
				} catch (error) {
					onChange({ok: false, problem: problemText(options.lang, error)});
				}
			};
			watchFile(weights, {interval: 300}, listener);
			// A change made between loading and watching would otherwise go unseen; so would one
			// made before the poller's first look (it compares with what it first sees).
			listener();
			const late = setTimeout(listener, 1000);
			return () => {
				clearTimeout(late);
				unwatchFile(weights, listener);
			};
		},
		watchWorkspace(onChange) {
			onDisk = onChange;
			let seen = stampOf(file);
			const listener = () => {
				const now = stampOf(file);
				if (now === seen || now === 'missing') return;
				seen = now;
				readWorkspace(file).then(
					r => onDisk?.(r.data),
					() => undefined,
				);
			};
			watchFile(file, {interval: 300}, listener);
			return () => {
				onDisk = undefined;
				unwatchFile(file, listener);
			};
		},
		watchLock(onChange) {
			// The lock is the real file's (both names of a symlinked workspace share it).
			const lock = lockFileOf(ws.realFile);
			let last: string | undefined = JSON.stringify(ws.lockedBy ?? null);
			const check = () => {
				const holder = readHolder(lock);
				const live: LockHolder | undefined = holder && !isStale(holder) ? holder : undefined;
				const text = JSON.stringify(live ?? null);
				if (text === last) return;
				last = text;
				onChange(live);
			};
			const timer = setInterval(check, 500);
			check();
			return () => clearInterval(timer);
		},
		async takeOver() {
			if (!ws.readOnly) return true;
			try {
				const next = await OpenWorkspace.open(file, {write: true, fallbackToReadOnly: false, weights: options.weights, validationCache: ValidationCache.fromEnvironment(env), actor: options.user});
				if (next.readOnly) return false;
				await ws.close();
				ws = next;
				onDisk?.(next.data);
				return true;
			} catch (error) {
				if (error instanceof LockedError) return false;
				throw error;
			}
		},
		defaultExportFile: join('exports', `${basename(file, extname(file))}.xlsx`),
		defaultSaveAsFile: join(dirname(file), `${basename(file, extname(file))}-rescued${extname(file) || '.json'}`),
		lastPosition: positions.get(file, options.user),
		rememberPosition: position => positions.set(file, options.user, position),
		async exportWorkbook(data, output, {draft, weights}) {
			const target = resolve(cwd, output);
			await runExport({ws: data, context, workspaceFile: file, inputs: [ws.realFile], output: target, format: 'xlsx', detail: true, allowIncomplete: draft, allowConflicts: draft, weights, now: new Date()});
			return {file: target};
		},
		close: () => ws.close(),
	};
}
