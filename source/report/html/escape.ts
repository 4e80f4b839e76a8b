/**
 * Text for HTML and SVG, as text or inside a quoted attribute: every string that comes from a
 * file (names, notes, evidence, codes) passes through here. Characters that HTML does not
 * allow in a document (C0 controls but tab and newline, lone surrogates) become U+FFFD, so a
 * hostile note can neither add markup nor make the page invalid.
 */
export function esc(text: string): string {
	// Most text (Chinese names and notes) has nothing to escape: one quick test first.
	if (!NEEDS_ESCAPE.test(text)) return text;
	return text.replace(/[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, c => ESCAPES[c] ?? '\uFFFD');
}

/** Anything `esc` might change: markup characters, controls, any surrogate (checked for pairing after). */
const NEEDS_ESCAPE = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uD800-\uDFFF]/;

const ESCAPES: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'};

/**
 * A link target that is safe to click: only http(s) URLs (no javascript:, data: or file:),
 * escaped for an attribute; undefined for anything else, which is then shown as text only.
 */
export function safeHref(url: string): string | undefined {
	const trimmed = url.trim();
	if (!/^https?:\/\/[^\s]+$/i.test(trimmed)) return undefined;
	try {
		const parsed = new URL(trimmed);
		return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? esc(parsed.href) : undefined;
	} catch {
		return undefined;
	}
}
