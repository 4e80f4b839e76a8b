import type {Evidence} from '../../domain/workspace/workspace-schema.js';
import {localTime} from '../local-time.js';

/** One piece of evidence on one line: what it is, when it was seen and by whom (local time). */
export function evidenceLine(e: Evidence): string {
	const when = localTime(e.seenAt);
	switch (e.kind) {
		case 'url':
			return `url   ${e.url}  (${when} ${e.by})`;
		case 'quote':
			return `quote "${e.text}"  (${when} ${e.by})`;
		case 'file':
			return `file  ${e.name} sha256:${e.sha256.slice(0, 12)}  (${when} ${e.by})`;
	}
}
