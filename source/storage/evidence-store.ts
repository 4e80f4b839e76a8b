import {createHash} from 'node:crypto';
import {readFileSync, mkdirSync, existsSync, copyFileSync, renameSync} from 'node:fs';
import {basename, dirname, extname, join} from 'node:path';
import {UserError} from './user-error.js';
import {describeFsError} from './read-json-file.js';

/** `workspaces/zhang.json` keeps its evidence files in `workspaces/zhang.evidence/`. */
export function evidenceFolderOf(workspace: string): string {
	return join(dirname(workspace), `${basename(workspace, extname(workspace))}.evidence`);
}

export type StoredFile = {name: string; sha256: string; size: number; stored: string};

/**
 * Copies an evidence file into the workspace's evidence folder under its SHA-256. The stored
 * name is built only from the hash and a sanitised extension, so nothing the original name
 * says (`../`, an absolute path) can place a file outside that folder.
 */
export function storeEvidenceFile(workspace: string, source: string): StoredFile {
	let bytes: Buffer;
	try {
		bytes = readFileSync(source);
	} catch (error) {
		throw UserError.of(source, `cannot be added as evidence: ${describeFsError(error)}`);
	}
	const sha256 = createHash('sha256').update(bytes).digest('hex');
	const ext = extname(source).toLowerCase();
	const safeExt = /^\.[a-z0-9]{1,10}$/.test(ext) ? ext : '';
	const stored = `${sha256}${safeExt}`;
	const folder = evidenceFolderOf(workspace);
	const target = join(folder, stored);
	if (dirname(target) !== folder) throw UserError.of(source, 'has a name that cannot be stored safely');
	try {
		mkdirSync(folder, {recursive: true});
		if (!existsSync(target)) {
			const tmp = `${target}.tmp-${process.pid}`;
			copyFileSync(source, tmp);
			renameSync(tmp, target);
		}
	} catch (error) {
		throw UserError.of(target, `could not store the evidence file: ${describeFsError(error)}`);
	}
	return {name: basename(source), sha256, size: bytes.length, stored};
}
