import type {Sample, SampleResult} from '../workspace/workspace-schema.js';
import type {ServiceItem} from '../catalog/catalog-schema.js';
import {type Result, ok, fail, issue} from '../issues.js';
import {messages, type Message} from '../words/message.js';

const S = messages('domain/sample-input', {
	help: {zh: '逐项写出抽查事项及其结果，如 "SI-0001:pass,SI-0002:fail"（? 表示尚未判定；以 + 开头为追加到已有事项；目录外的事项写作 name:<名称>:pass）', en: 'sampled items with a verdict, like "SI-0001:pass,SI-0002:fail" (? = not judged yet; a leading + adds to the items already there; name:<its name>:pass for an item outside the catalog)'},
	refused: {zh: '{why}；此规则接受：{help}', en: '{why}; this rule accepts {help}'},
	none: {zh: '没有给出抽查事项', en: 'no sampled item given'},
	noVerdict: {zh: '"{part}" 没有写明 pass、fail 或 ?', en: '"{part}" does not say pass, fail or ?'},
	badVerdict: {zh: '"{word}" 不是 pass、fail 或 ?', en: '"{word}" is not pass, fail or ?'},
	twice: {zh: '事项 "{item}" 列了两次', en: 'item "{item}" is listed twice'},
	noName: {zh: '"{written}" 在 name: 之后需要写出事项名称', en: '"{written}" needs the item\'s name after name:'},
	codeAsName: {zh: '"{name}" 看起来是目录编码，不是名称；目录外的事项按名称记录', en: '"{name}" looks like a catalog code, not a name; an item outside the catalog is recorded by its name'},
	notInCatalog: {zh: '"{written}" 不在政务服务事项目录中（见 `assess search`）；如确需记录目录外的事项，请写作 name:<名称>:pass', en: '"{written}" is not in the service-item catalog (see `assess search`); to record an item outside the catalog on purpose, write name:<its name>:pass'},
	neither: {zh: '"{written}" 既不是目录编码，也不是目录中事项的名称（见 `assess search {written}`）；如确需记录目录外的事项，请写作 name:{written}:pass', en: '"{written}" is neither a catalog code nor a catalog item\'s name (see `assess search {written}`); to record an item outside the catalog on purpose, write name:{written}:pass'},
});

/**
 * The sampled-items syntax of `assess record` (and the TUI's value editor):
 *
 *   SI-0001:pass,SI-0002:fail,SI-0003:?     the leaf's items are exactly these (replacing any there)
 *   +SI-0004:fail,SI-0005:pass              add these (an item already there gets the new verdict)
 *   name:新生儿出生一件事:pass               an item outside the catalog, by its name, on purpose
 *
 * Verdicts: pass/fail (y/n, 是/否, 通过/不通过 …) or `?` for not judged yet. Items are catalog ids,
 * or a catalog item's exact name (recorded by its id); a code that looks like an id but is not in
 * the catalog is refused, so a typo never becomes a sampled item.
 */
export type SampleEdit = {mode: 'replace' | 'add'; samples: Sample[]};

const PASS = new Set(['y', 'yes', 'true', '1', '是', '有', '符合', '满足', 'met', 'pass', 'passed', 'ok', '通过', '合格']);
const FAIL = new Set(['n', 'no', 'false', '0', '否', '无', '不符合', '不满足', 'unmet', 'fail', 'failed', '不通过', '不合格']);
const UNJUDGED = new Set(['?', '？', 'unjudged', 'pending', '待判', '未判', '待定']);
/** Items outside the catalog are written `name:<名称>` (or `名称:`), so a name is never mistaken for a code. */
const OUTSIDE = /^(?:name|名称)\s*[:：]\s*/i;
/** What catalog ids look like ("SI-0001"); the catalog schema enforces the same. */
export const ITEM_ID = /^[A-Z]{2,4}-[0-9]{3,6}$/;

export type CatalogLookup = {byId: ReadonlyMap<string, ServiceItem>; byName: ReadonlyMap<string, ServiceItem>};

/** Look-ups over a catalog's items, made once per command. */
export function catalogLookup(items: readonly ServiceItem[]): CatalogLookup {
	const byName = new Map<string, ServiceItem>();
	for (const item of items) {
		if (!byName.has(item.name)) byName.set(item.name, item);
		for (const alias of item.aliases ?? []) if (!byName.has(alias)) byName.set(alias, item);
	}
	return {byId: new Map(items.map(i => [i.id, i])), byName};
}


/**
 * Reads the syntax above. With a catalog, every item is checked against it; without one (a
 * caller that has none at hand), codes and names are taken as written.
 */
export function parseSampleInput(text: string, catalog?: CatalogLookup): Result<SampleEdit> {
	let input = text.trim();
	const refuse = (why: Message) => fail<SampleEdit>(issue([], S.refused({why, help: S.help()})));
	let mode: SampleEdit['mode'] = 'replace';
	if (input.startsWith('+') || input.startsWith('＋')) {
		mode = 'add';
		input = input.slice(1).trim();
	}
	if (input === '') return refuse(S.none());
	const samples: Sample[] = [];
	for (const part of input.split(/[,，;；\n]+/).map(p => p.trim()).filter(Boolean)) {
		const match = /^(.+?)\s*[:=：]\s*([^:=：]+)$/.exec(part);
		if (!match) return refuse(S.noVerdict({part}));
		const verdict = verdictOf(match[2]!.trim());
		if (verdict === undefined) return refuse(S.badVerdict({word: match[2]!.trim()}));
		const written = match[1]!.trim();
		const item = resolveItem(written, catalog);
		if (!item.ok) return fail(...item.issues);
		samples.push({item: item.value, pass: verdict});
	}
	const seen = new Set<string>();
	for (const s of samples) {
		if (seen.has(s.item)) return refuse(S.twice({item: s.item}));
		seen.add(s.item);
	}
	return ok({mode, samples});
}

function verdictOf(word: string): SampleResult | undefined {
	const w = word.toLowerCase();
	if (PASS.has(w)) return true;
	if (FAIL.has(w)) return false;
	if (UNJUDGED.has(w)) return null;
	return undefined;
}

/** An item as recorded: a catalog id, or a name outside the catalog (said on purpose with name:). */
function resolveItem(written: string, catalog: CatalogLookup | undefined): Result<string> {
	const outside = OUTSIDE.exec(written);
	if (outside) {
		const name = written.slice(outside[0].length).trim();
		if (!name) return fail(issue([], S.noName({written})));
		if (ITEM_ID.test(name)) return fail(issue([], S.codeAsName({name})));
		const known = catalog?.byName.get(name);
		// A name that is in the catalog after all is recorded by its id, like every catalog item.
		return ok(known ? known.id : name);
	}
	if (!catalog) return ok(written);
	const code = written.toUpperCase();
	if (ITEM_ID.test(code)) {
		if (catalog.byId.has(code)) return ok(code);
		return fail(issue([], S.notInCatalog({written})));
	}
	const byName = catalog.byName.get(written);
	if (byName) return ok(byName.id);
	return fail(issue([], S.neither({written})));
}

/**
 * The samples after an edit, and what it did to the ones already there: replaced (listed), kept,
 * re-judged. Order: the existing items in their order, then new ones in the order given.
 */
export function applySampleEdit(previous: readonly Sample[], edit: SampleEdit): {samples: Sample[]; replaced: Sample[]; added: Sample[]; changed: Sample[]} {
	if (edit.mode === 'replace') {
		const kept = new Map(previous.map(s => [s.item, s]));
		// Items named again keep their note and evidence; only the verdict is the new one.
		const samples = edit.samples.map(s => {
			const before = kept.get(s.item);
			return before ? {...before, pass: s.pass} : s;
		});
		const named = new Set(edit.samples.map(s => s.item));
		return {samples, replaced: previous.filter(s => !named.has(s.item)), added: edit.samples.filter(s => !kept.has(s.item)), changed: samples.filter(s => kept.has(s.item) && kept.get(s.item)!.pass !== s.pass)};
	}
	const byItem = new Map(edit.samples.map(s => [s.item, s]));
	const changed: Sample[] = [];
	const samples = previous.map(s => {
		const next = byItem.get(s.item);
		if (!next) return s;
		if (next.pass !== s.pass) changed.push({...s, pass: next.pass});
		return {...s, pass: next.pass};
	});
	const have = new Set(previous.map(s => s.item));
	const added = edit.samples.filter(s => !have.has(s.item));
	return {samples: [...samples, ...added], replaced: [], added, changed};
}

/** An item's display name: the catalog's name for an id, or the name recorded. */
export function itemName(item: string, catalog?: CatalogLookup): string {
	return catalog?.byId.get(item)?.name ?? item;
}
