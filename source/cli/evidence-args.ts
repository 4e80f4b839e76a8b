import {existsSync} from 'node:fs';
import {resolve} from 'node:path';
import type {Evidence} from '../domain/workspace/workspace-schema.js';
import {storeEvidenceFile} from '../storage/evidence-store.js';
import {UserError} from '../storage/user-error.js';

/**
 * Reads an --evidence argument: a URL (http/https), `quote:<text>`, or the path of a file,
 * which is copied into the workspace's evidence folder under its hash.
 */
export function parseEvidence(spec: string, workspace: string, cwd: string, by: string, at: string): Evidence {
	const text = spec.trim();
	if (/^https?:\/\/\S+$/i.test(text)) return {kind: 'url', url: text, seenAt: at, by};
	if (/^quote:/i.test(text)) {
		const quote = text.slice(6).trim();
		if (!quote) throw UserError.of('--evidence', 'quote: needs the quoted text after it');
		return {kind: 'quote', text: quote, seenAt: at, by};
	}
	const path = resolve(cwd, text.replace(/^file:/i, ''));
	if (!existsSync(path)) throw UserError.of('--evidence', `"${spec}" is not a URL (http…), a quote (quote:…) or an existing file`);
	const stored = storeEvidenceFile(workspace, path);
	return {kind: 'file', ...stored, seenAt: at, by};
}
