import {existsSync} from 'node:fs';
import {homedir} from 'node:os';
import {isAbsolute, join, resolve} from 'node:path';
import type {Evidence} from '../domain/workspace/workspace-schema.js';
import {storeEvidenceFile} from './evidence-store.js';
import {UserError} from './user-error.js';
import {messages} from '../domain/words/message.js';

const M = messages('storage/evidence-spec', {
	emptyQuote: {zh: 'quote: 后面需要引文', en: 'quote: needs the quoted text after it'},
	unknown: {zh: '"{spec}" 既不是网址（http://…）、引文（quote:…），也不是已有的文件', en: '"{spec}" is not a URL (http…), a quote (quote:…) or an existing file'},
});

export type EvidenceSpecOptions = {
	/** What the messages name as the source of the text: the CLI's option, or the TUI's field. */
	source?: string;
	/** The home folder `~/` stands for. */
	home?: () => string;
};

/**
 * Reads evidence as a person gives it: a URL (http/https, or a bare `www.…` address), `quote:`
 * and the quoted text, or the path of a file, which is copied into the workspace's evidence
 * folder under its hash. A path may start with `~/` and may be in quotes (drag and drop into a
 * terminal gives `'/path/with spaces/shot.png'`).
 */
export function parseEvidence(spec: string, workspace: string, cwd: string, by: string, at: string, options: EvidenceSpecOptions = {}): Evidence {
	const source = options.source ?? '--evidence';
	const text = spec.trim();
	if (/^https?:\/\/\S+$/i.test(text)) return {kind: 'url', url: text, seenAt: at, by};
	if (/^quote:/i.test(text)) {
		const quote = text.slice(6).trim();
		if (!quote) throw UserError.of(source, M.emptyQuote());
		return {kind: 'quote', text: quote, seenAt: at, by};
	}
	const typed = text.replace(/^file:(\/\/)?/i, '');
	const path = pathOf(typed, cwd, options.home ?? homedir);
	if (existsSync(path)) {
		try {
			return {kind: 'file', ...storeEvidenceFile(workspace, path), seenAt: at, by};
		} catch (error) {
			// Named as the user typed it, not as the absolute path it was read from.
			throw error instanceof UserError ? error.named(path, unquoted(typed)) : error;
		}
	}
	// An address typed without its scheme (www.beijing.gov.cn/zwfw) is a web page.
	if (/^www\.[^\s/]+\.[^\s]+$/i.test(text)) return {kind: 'url', url: `https://${text}`, seenAt: at, by};
	throw UserError.of(source, M.unknown({spec}));
}

const unquoted = (typed: string) => /^'(.*)'$/s.exec(typed)?.[1] ?? /^"(.*)"$/s.exec(typed)?.[1] ?? typed;

/** A path as typed: without the quotes around it, `~` for the home folder, relative to `cwd`. */
function pathOf(typed: string, cwd: string, home: () => string): string {
	let path = typed;
	const quoted = /^'(.*)'$/s.exec(path) ?? /^"(.*)"$/s.exec(path);
	if (quoted) path = quoted[1]!;
	// A shell-escaped path (drag and drop in some terminals): `/my\ shot.png`. Only the characters
	// a shell escapes, so Windows paths keep their backslashes.
	else path = path.replace(/\\([ '"()&;$!#*?[\]{}|<>`])/g, '$1');
	if (path === '~' || path.startsWith('~/')) path = join(home(), path.slice(1));
	return isAbsolute(path) ? path : resolve(cwd, path);
}
