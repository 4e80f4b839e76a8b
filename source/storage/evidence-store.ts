import {createHash} from 'node:crypto';
import {mkdirSync, openSync, readSync, writeSync, fsyncSync, closeSync, renameSync, unlinkSync, lstatSync, linkSync, copyFileSync, constants} from 'node:fs';
import {basename, dirname, extname, join} from 'node:path';
import {UserError} from './user-error.js';
import {fsProblem} from './fs-errors.js';
import {openRegularFile, megabytes} from './safe-read.js';
import {messages} from '../domain/words/message.js';

const M = messages('storage/evidence-store', {
	symlink: {zh: '是符号链接；证据只存放在工作区旁的真实文件夹中（请用文件夹替换此链接）', en: 'is a symbolic link; evidence is stored only in a real folder beside the workspace (replace the link with a folder)'},
	notFolder: {zh: '不是文件夹；证据文件存放在以此命名的文件夹中', en: 'is not a folder; evidence files are stored in a folder of that name'},
	cannotCreate: {zh: '无法创建：{problem}', en: 'cannot be created: {problem}'},
	notEvidence: {zh: '无法作为证据添加：{problem}', en: 'cannot be added as evidence: {problem}'},
	tooBig: {zh: '无法作为证据添加：文件超过 {limit}（超过 {limit} 的文件不予接受）', en: 'cannot be added as evidence: it is over {limit} (files over {limit} are refused)'},
	unsafeName: {zh: '文件名无法安全地存放', en: 'has a name that cannot be stored safely'},
	notStored: {zh: '无法存放证据文件 {source}：{problem}', en: 'could not store the evidence file {source}: {problem}'},
});
import type {Workspace, Evidence} from '../domain/workspace/workspace-schema.js';

/** Evidence files larger than this are refused: screenshots, PDFs and short recordings fit. */
export const EVIDENCE_MAX_BYTES = 512 * 1024 * 1024;

/** `workspaces/zhang.json` keeps its evidence files in `workspaces/zhang.evidence/`. */
export function evidenceFolderOf(workspace: string): string {
	return join(dirname(workspace), `${basename(workspace, extname(workspace))}.evidence`);
}

export type StoredFile = {name: string; sha256: string; size: number; stored: string};

/**
 * The evidence folder of a workspace, made if need be: a real folder beside the workspace,
 * never a symbolic link (which would send evidence, and later deletions, somewhere else).
 */
export function evidenceFolderFor(workspace: string): string {
	const folder = evidenceFolderOf(workspace);
	const stat = lstatSync(folder, {throwIfNoEntry: false});
	if (stat?.isSymbolicLink()) throw UserError.of(folder, M.symlink());
	if (stat && !stat.isDirectory()) throw UserError.of(folder, M.notFolder());
	if (!stat) {
		try {
			mkdirSync(folder);
		} catch (error) {
			throw UserError.of(folder, M.cannotCreate({problem: fsProblem(error)}));
		}
	}
	return folder;
}

/**
 * Copies an evidence file into the workspace's evidence folder under its SHA-256. The bytes
 * are hashed as they are copied (one read), so the name always matches the content stored,
 * even for a file still being written; the size recorded is that of what was stored. The
 * stored name is built only from the hash and a sanitised extension, so nothing the original
 * name says (`../`, an absolute path) can place a file outside that folder.
 */
export function storeEvidenceFile(workspace: string, source: string): StoredFile {
	const folder = evidenceFolderFor(workspace);
	let input: {fd: number};
	try {
		input = openRegularFile(source, EVIDENCE_MAX_BYTES);
	} catch (error) {
		if (error instanceof UserError) throw error.within(problem => M.notEvidence({problem}));
		throw error;
	}
	const tmp = join(folder, `.incoming-${process.pid}-${Date.now()}.tmp`);
	const hash = createHash('sha256');
	let size = 0;
	try {
		const out = openSync(tmp, 'wx', 0o644);
		try {
			const chunk = Buffer.allocUnsafe(1024 * 1024);
			for (;;) {
				const n = readSync(input.fd, chunk, 0, chunk.length, null);
				if (n === 0) break;
				size += n;
				if (size > EVIDENCE_MAX_BYTES) throw UserError.of(source, M.tooBig({limit: megabytes(EVIDENCE_MAX_BYTES)}));
				hash.update(chunk.subarray(0, n));
				writeSync(out, chunk, 0, n);
			}
			fsyncSync(out);
		} finally {
			closeSync(out);
		}
		const sha256 = hash.digest('hex');
		const ext = extname(source).toLowerCase();
		const stored = `${sha256}${/^\.[a-z0-9]{1,10}$/.test(ext) ? ext : ''}`;
		const target = join(folder, stored);
		if (dirname(target) !== folder) throw UserError.of(source, M.unsafeName());
		// Stored before under this hash: the same bytes, kept as they are.
		if (lstatSync(target, {throwIfNoEntry: false})?.isFile()) unlinkSync(tmp);
		else renameSync(tmp, target);
		return {name: basename(source), sha256, size, stored};
	} catch (error) {
		try {
			unlinkSync(tmp);
		} catch {
			// Renamed already, or never made.
		}
		if (error instanceof UserError) throw error;
		throw UserError.of(folder, M.notStored({source, problem: fsProblem(error)}));
	} finally {
		closeSync(input.fd);
	}
}

/** Every stored evidence file a workspace names (findings and conflict candidates), with where it is named. */
export function fileEvidenceOf(ws: Workspace): {key: string; name: string; stored: string}[] {
	const out: {key: string; name: string; stored: string}[] = [];
	const add = (key: string, evidence: readonly Evidence[]) => {
		for (const e of evidence) if (e.kind === 'file') out.push({key, name: e.name, stored: e.stored});
	};
	for (const [key, f] of Object.entries(ws.findings)) add(key, f.evidence);
	for (const [key, c] of Object.entries(ws.conflicts)) for (const f of c.candidates) add(key, f.evidence);
	return out;
}

/** Evidence files a workspace names that its evidence folder does not hold. */
export function missingEvidence(workspace: string, ws: Workspace): {key: string; name: string; stored: string}[] {
	const folder = evidenceFolderOf(workspace);
	return fileEvidenceOf(ws).filter(e => !lstatSync(join(folder, e.stored), {throwIfNoEntry: false})?.isFile());
}

/**
 * Gives a merged workspace the evidence files its findings name, from its inputs' evidence
 * folders: hard-linked where the file system allows (no copy), copied otherwise. Returns the
 * files no input had, for a warning: the merge itself never fails for them.
 */
export function carryEvidence(output: string, ws: Workspace, inputs: readonly string[]): {key: string; name: string; stored: string}[] {
	const wanted = missingEvidence(output, ws);
	if (wanted.length === 0) return [];
	const folder = evidenceFolderFor(output);
	const missing: typeof wanted = [];
	const done = new Set<string>();
	for (const e of wanted) {
		if (done.has(e.stored)) continue;
		const target = join(folder, e.stored);
		const source = inputs.map(i => join(evidenceFolderOf(i), e.stored)).find(f => lstatSync(f, {throwIfNoEntry: false})?.isFile());
		if (!source) {
			missing.push(e);
			continue;
		}
		try {
			linkSync(source, target);
		} catch {
			const tmp = `${target}.${process.pid}.tmp`;
			copyFileSync(source, tmp, constants.COPYFILE_EXCL);
			renameSync(tmp, target);
		}
		done.add(e.stored);
	}
	return missing;
}
