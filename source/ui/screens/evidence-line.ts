import type {Evidence} from '../../domain/workspace/workspace-schema.js';
import type {Lang} from '../../domain/text.js';
import {localTime} from '../local-time.js';
import {fromFile} from '../display.js';
import {padEnd} from '../../text/cell-width.js';

const KIND = {url: {zh: '网址', en: 'url'}, quote: {zh: '引文', en: 'quote'}, file: {zh: '文件', en: 'file'}} as const;

/** One piece of evidence on one line: what it is, when it was seen and by whom (local time); what files hold, through the boundary. */
export function evidenceLine(e: Evidence, lang: Lang = 'en'): string {
	const when = `(${localTime(e.seenAt)} ${fromFile(e.by)})`;
	const kind = padEnd(KIND[e.kind][lang], lang === 'zh' ? 5 : 6);
	switch (e.kind) {
		case 'url':
			return `${kind}${fromFile(e.url)}  ${when}`;
		case 'quote':
			return `${kind}"${fromFile(e.text)}"  ${when}`;
		case 'file':
			return `${kind}${fromFile(e.name)} sha256:${e.sha256.slice(0, 12)}  ${when}`;
	}
}

export const EVIDENCE_KIND = KIND;
