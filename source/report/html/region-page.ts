import type {ReportModel, RegionPage, TableRow, IssueItem, EvidenceView} from '../report-model.js';
import type {Lang} from '../../domain/text.js';
import type {Blocker} from '../provisional.js';
import {t} from '../strings.js';
import {esc, safeHref} from './escape.js';
import {barChart} from '../charts/bar-chart.js';
import {changeCell, movedCell} from './change-cells.js';
import type {Links} from './links.js';

const score = (x: number | null) => (x === null ? '—' : x.toFixed(2));

export function blockerWords(lang: Lang, blockers: readonly Blocker[]): string {
	const words = t(lang, 'blocker');
	return blockers.map(b => words[b.kind](b.count)).join(lang === 'zh' ? '，' : ', ');
}

/** A score cell: the score, or in words why there is none (never a 0 that is not a score). */
function scoreCell(row: Pick<TableRow, 'score' | 'na' | 'weightless'>, lang: Lang): string {
	if (row.na) return `<td class="none">${esc(t(lang, 'na'))}</td>`;
	if (row.weightless) return `<td class="none">${esc(t(lang, 'weightless'))}</td>`;
	if (row.score === null) return `<td class="none">${esc(t(lang, 'notScored'))}</td>`;
	return `<td class="num">${row.score.toFixed(2)}</td>`;
}

function indicatorTable(page: RegionPage, lang: Lang): string {
	const head = `<tr><th>${t(lang, 'indicator')}</th><th class="num">${t(lang, 'score')}</th><th class="num">${t(lang, 'rank')}</th><th class="num">${t(lang, 'average')}</th><th class="num">${t(lang, 'best')}</th><th class="num">${t(lang, 'gap')}</th></tr>`;
	const totalRow = `<tr class="total" data-code="total"><td>${t(lang, 'total')}</td><td class="num">${score(page.total)}</td><td class="num">${page.rank ?? '—'}</td><td></td><td></td><td></td></tr>`;
	const rows = page.rows.map(
		r =>
			`<tr class="level-${r.level}" data-code="${esc(r.code)}"><td><span class="code">${esc(r.code)}</span>${esc(r.name)}</td>${scoreCell(r, lang)}<td class="num">${r.rank ?? '—'}</td><td class="num">${score(r.average)}</td><td class="num" title="${esc(r.bestRegions.join('、'))}">${score(r.best)}</td><td class="num${r.gap === 0 ? ' gap-0' : ''}">${r.gap === null ? '—' : r.gap.toFixed(2)}</td></tr>`,
	);
	return `<table class="indicators"><thead>${head}</thead><tbody>${totalRow}${rows.join('')}</tbody></table>`;
}

function evidenceItem(e: EvidenceView, lang: Lang): string {
	const when = `<span class="meta"> · ${esc(e.seenAt)} · ${esc(e.by)}</span>`;
	switch (e.kind) {
		case 'url': {
			const href = safeHref(e.url);
			return `<li>${href ? `<a href="${href}">${esc(e.url)}</a>` : esc(e.url)}${when}</li>`;
		}
		case 'quote':
			return `<li>“${esc(e.text)}”${e.source ? ` — ${esc(e.source)}` : ''}${when}</li>`;
		case 'file':
			return `<li>${esc(t(lang, 'storedFile'))}: ${esc(e.name)} <span class="hash">SHA-256 ${esc(e.sha256)}</span> <span class="meta">(${(e.size / 1024).toFixed(1)} KB)</span>${when}</li>`;
	}
}

function issueBlock(item: IssueItem, n: number, lang: Lang): string {
	let details = `<dt>${t(lang, 'score')}</dt><dd>${item.score.toFixed(2)} · ${t(lang, 'share')} ${(item.share * 100).toFixed(2)}%${item.value ? ` · ${t(lang, 'value')}: ${esc(item.value)}` : ''}</dd>`;
	if (item.reason) details += `<dt>${t(lang, 'reason')}</dt><dd>${esc(item.reason)}</dd>`;
	if (item.note) details += `<dt>${t(lang, 'note')}</dt><dd>${esc(item.note)}</dd>`;
	if (item.failed.length) {
		details += `<dt>${t(lang, 'failedItems')}</dt><dd><ul>`;
		for (const f of item.failed) details += `<li><span class="code">${esc(f.item)}</span>${f.name ? esc(f.name) : ''}${f.note ? ` — ${esc(f.note)}` : ''}</li>`;
		details += '</ul></dd>';
	}
	if (item.evidence.length) {
		details += `<dt>${t(lang, 'evidence')}</dt><dd><ul>`;
		for (const e of item.evidence) details += evidenceItem(e, lang);
		details += '</ul></dd>';
	}
	return `<div class="issue" data-code="${esc(item.code)}"><div class="issue-head"><span class="issue-rank">${n}</span><span class="issue-name"><span class="code">${esc(item.code)}</span>${esc(item.name)}<span class="issue-path">${esc(item.path.join(' › '))}</span></span><span class="issue-cost">${t(lang, 'pointsLost')} ${item.cost.toFixed(2)}</span></div><dl>${details}</dl></div>`;
}

function comparisonBlock(page: RegionPage, model: ReportModel, lang: Lang): string {
	const c = page.change;
	const comparison = model.comparison;
	if (!c || !comparison) return '';
	const then = c.old;
	const rows = comparison.pairs
		.map((p, i) => ({p, ch: c.indicators[i]!}))
		.filter(({p}) => p.level <= 2 && p.to.length > 0 && p.from.length > 0)
		.map(({p, ch}) => `<tr class="level-${p.level}"><td><span class="code">${esc(p.to.join('+'))}</span>${esc(p.toNames.join('、'))}${p.kind !== 'same' ? ` <span class="meta">(${esc(p.from.join('+'))} ${esc(p.fromNames.join('、'))})</span>` : ''}</td><td class="num">${score(ch.old)}</td><td class="num">${score(ch.new)}</td>${changeCell(ch.change)}</tr>`);
	return `<section class="compare"><h2>${t(lang, 'yearOnYear')} <span class="meta">${comparison.old.reportYear} → ${comparison.new.reportYear}</span></h2>
<table class="region-change"><thead><tr><th></th><th class="num">${t(lang, 'then')}</th><th class="num">${t(lang, 'now')}</th><th class="num">${t(lang, 'change')}</th></tr></thead><tbody>
<tr class="total"><td>${t(lang, 'total')}</td><td class="num">${then ? score(then.total) : esc(t(lang, 'notInOld'))}</td><td class="num">${score(page.total)}</td>${changeCell(c.totalChange)}</tr>
<tr><td>${t(lang, 'rank')}</td><td class="num">${then?.rank ?? '—'}</td><td class="num">${page.rank ?? '—'}</td>${movedCell(c.rankChange)}</tr>
<tr><td>${t(lang, 'tier')}</td><td class="num">${esc(then?.tier ?? '—')}</td><td class="num">${esc(page.tier ?? '—')}</td><td></td></tr>
${rows.join('')}</tbody></table>${comparison.sameRegions ? '' : `<p class="meta">${t(lang, 'regionsDiffer')}</p>`}</section>`;
}

/** One region's page: headline figures, the published table with where it stands, charts, the issues identified. */
export function regionPage(page: RegionPage, model: ReportModel, links: Links): string {
	const lang = model.lang;
	const provisional = page.blockers.length > 0;
	const primaries = page.charts[0]!;
	const charts = [barChart(primaries, t(lang, 'primaryChart'), lang), ...page.charts.slice(1).map(c => `<h3>${esc(t(lang, 'secondaryChart')(c.title))}</h3>${barChart(c, t(lang, 'secondaryChart')(c.title), lang)}`)];
	const issues = page.issues.length ? page.issues.map((item, i) => issueBlock(item, i + 1, lang)).join('') : `<p>${t(lang, 'noIssues')}</p>`;
	const unscored = page.unscored.length ? `<h3>${t(lang, 'unscoredLeaves')}</h3><p>${page.unscored.map(u => `<span class="code">${esc(u.code)}</span>${esc(u.name)}`).join('；')}</p>` : '';
	return `<section class="page region-page" id="${esc(links.regionAnchor(page.code))}" data-region="${esc(page.code)}">
<nav class="crumbs"><a href="${links.index}">← ${t(lang, 'backToIndex')}</a><a href="${links.overview}">${t(lang, 'overview')}</a></nav>
<div class="kicker">${esc(t(lang, 'regionReport'))} · ${esc(model.system.title)} · ${esc(t(lang, 'edition')(model.system.reportYear, model.system.dataYear))}</div>
<h1>${esc(page.name)}${provisional ? `<span class="badge">${t(lang, 'provisional')}</span>` : ''}</h1>
<p class="sub">${esc(page.code)} · ${esc(model.system.id)} ${esc(model.system.version)}</p>
<div class="headline">
<div class="figure"><div class="label">${t(lang, 'total')}</div><div class="value" data-field="total">${score(page.total)}</div></div>
<div class="figure"><div class="label">${t(lang, 'rank')}</div><div class="value" data-field="rank">${page.rank ?? '—'}<small>${esc(t(lang, 'ofRegions')(page.ranked))}</small></div></div>
<div class="figure"><div class="label">${t(lang, 'tier')}</div><div class="value" data-field="tier">${esc(page.tier ?? '—')}</div></div>
<div class="figure"><div class="label">${t(lang, 'coverage')}</div><div class="value" data-field="coverage">${(page.coverage * 100).toFixed(page.coverage === 1 ? 0 : 1)}%</div></div>
</div>
${provisional ? `<div class="notice">${t(lang, 'provisionalNote')}${esc(blockerWords(lang, page.blockers))}</div>` : ''}
<h2>${t(lang, 'indicator')} · ${t(lang, 'score')} · ${t(lang, 'rank')}</h2>
${indicatorTable(page, lang)}
<h2>${t(lang, 'primaryChart')}</h2>
<div class="charts-grid">${charts.join('')}</div>
<h2>${t(lang, 'issues')}</h2>
<p class="meta">${t(lang, 'issuesIntro')}</p>
${issues}
${unscored}
${comparisonBlock(page, model, lang)}
</section>`;
}
