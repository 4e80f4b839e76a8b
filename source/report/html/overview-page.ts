import type {ReportModel} from '../report-model.js';
import {formatShare} from '../report-model.js';
import type {Lang} from '../../domain/text.js';
import {t} from '../strings.js';
import {esc} from './escape.js';
import {heatMap} from '../charts/heat-map.js';
import {rankMovement} from '../charts/rank-movement.js';
import {changeCell, movedCell} from './change-cells.js';
import type {Links} from './links.js';

const score = (x: number | null) => (x === null ? '—' : x.toFixed(2));

/** At most three names, then "等 N 个" / "and N more". */
function someNames(names: readonly string[], lang: Lang): string {
	if (names.length <= 3) return names.join('、');
	return lang === 'zh' ? `${names.slice(0, 3).join('、')} 等 ${names.length} 个` : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}

function rankingTable(model: ReportModel, links: Links, pages: ReadonlySet<string>): string {
	const lang = model.lang;
	const o = model.overview;
	const head = `<tr><th class="num">${t(lang, 'rank')}</th><th>${t(lang, 'region')}</th><th class="num">${t(lang, 'total')}</th><th>${t(lang, 'tier')}</th>${o.primaries.map(p => `<th class="num" title="${esc(p.name)}">${esc(p.code)}</th>`).join('')}</tr>`;
	const rows = o.ranking.map(r => {
		const name = pages.has(r.code) ? `<a href="${links.region(r.code)}">${esc(r.name)}</a>` : esc(r.name);
		return `<tr data-region="${esc(r.code)}"><td class="num">${r.rank ?? '—'}</td><td>${name}${r.provisional ? `<span class="badge">${t(lang, 'provisional')}</span>` : ''}</td><td class="num">${score(r.total)}</td><td>${esc(r.tier ?? '—')}</td>${r.primaries.map(s => `<td class="num">${score(s)}</td>`).join('')}</tr>`;
	});
	const legend = o.primaries.map(p => `<span class="code">${esc(p.code)}</span>${esc(p.name)}`).join('　');
	return `<table class="ranking"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table><p class="meta">${legend}</p>`;
}

function tierTable(model: ReportModel): string {
	const lang = model.lang;
	const o = model.overview;
	const rows = o.tiers.map(tier => `<tr data-tier="${esc(tier.id)}"><td>${esc(tier.label)}</td><td>${esc(tier.edge)}</td><td class="num">${esc(t(lang, 'tierCount')(tier.count))}</td><td class="num">${formatShare(tier.share)}</td></tr>`);
	return `<table class="tiers"><thead><tr><th>${t(lang, 'tier')}</th><th>${t(lang, 'total')}</th><th class="num">${t(lang, 'region')}</th><th class="num">%</th></tr></thead><tbody>${rows.join('')}</tbody></table>${o.untiered ? `<p class="meta">${esc(t(lang, 'noTotalYet')(o.untiered))}</p>` : ''}`;
}

function statsTable(model: ReportModel): string {
	const lang = model.lang;
	const rows = model.overview.stats.map(
		s =>
			`<tr class="level-${s.level}" data-code="${esc(s.code)}"><td><span class="code">${esc(s.code)}</span>${esc(s.name)}</td><td class="num">${score(s.mean)}</td><td class="num">${score(s.sd)}</td><td class="num">${s.min === null ? '—' : `${s.min.toFixed(2)}–${s.max!.toFixed(2)}`}</td><td>${esc(someNames(s.best, lang))}</td><td>${esc(someNames(s.worst, lang))}</td></tr>`,
	);
	return `<table class="stats"><thead><tr><th>${t(lang, 'indicator')}</th><th class="num">${t(lang, 'mean')}</th><th class="num">${t(lang, 'spread')}</th><th class="num">${t(lang, 'range')}</th><th>${t(lang, 'bestRegions')}</th><th>${t(lang, 'worstRegions')}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function weakestTable(model: ReportModel): string {
	const lang = model.lang;
	const weakest = model.overview.weakest;
	if (!weakest.length) return `<p>${t(lang, 'noData')}</p>`;
	const rows = weakest.map((w, i) => `<tr data-code="${esc(w.code)}"><td class="num">${i + 1}</td><td><span class="code">${esc(w.code)}</span>${esc(w.name)}<br><span class="issue-path">${esc(w.path.join(' › '))}</span></td><td class="num">${score(w.meanScore)}</td><td class="num">${w.meanLost.toFixed(2)}</td><td class="num">${w.below60} / ${w.scored}</td></tr>`);
	return `<p class="meta">${t(lang, 'weakestIntro')}</p><table class="weakest"><thead><tr><th class="num">#</th><th>${t(lang, 'indicator')}</th><th class="num">${t(lang, 'mean')}</th><th class="num">${t(lang, 'meanLost')}</th><th class="num">${t(lang, 'below60')}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function comparisonSection(model: ReportModel): string {
	const c = model.comparison;
	if (!c) return '';
	const lang = model.lang;
	const rows = c.regions.map(
		r =>
			`<tr data-region="${esc(r.code)}"><td>${esc(r.name)}</td><td class="num">${r.old ? score(r.old.total) : '—'}</td><td class="num">${r.old?.rank ?? '—'}</td><td>${esc(r.old?.tier ?? '—')}</td><td class="num">${r.new ? score(r.new.total) : '—'}</td><td class="num">${r.new?.rank ?? '—'}</td><td>${esc(r.new?.tier ?? '—')}</td>${changeCell(r.totalChange)}${movedCell(r.rankChange)}</tr>`,
	);
	const title = `${t(lang, 'rankMovement')} · ${c.old.reportYear} → ${c.new.reportYear}`;
	return `<section class="page compare-page" id="rank-movement"><h2>${esc(title)}</h2><p class="sub">${esc(`${c.old.title} ${c.old.system} ${c.old.version} → ${c.new.title} ${c.new.system} ${c.new.version}`)}</p>
${rankMovement(c, title, lang)}
${c.sameRegions ? '' : `<p class="meta">${t(lang, 'regionsDiffer')}</p>`}
<table class="changes"><thead><tr><th rowspan="2">${t(lang, 'region')}</th><th class="num" colspan="3">${t(lang, 'then')} ${c.old.reportYear}</th><th class="num" colspan="3">${t(lang, 'now')} ${c.new.reportYear}</th><th class="num" colspan="2">${t(lang, 'change')}</th></tr>
<tr><th class="num">${t(lang, 'total')}</th><th class="num">${t(lang, 'rank')}</th><th>${t(lang, 'tier')}</th><th class="num">${t(lang, 'total')}</th><th class="num">${t(lang, 'rank')}</th><th>${t(lang, 'tier')}</th><th class="num">${t(lang, 'total')}</th><th class="num">${t(lang, 'rank')}</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

/** The national overview: ranking, tiers, the heat map, each indicator across regions, the weakest leaves, year on year. */
export function overviewPage(model: ReportModel, links: Links): string {
	const lang = model.lang;
	const pages = new Set(model.pages.map(p => p.code));
	const totals = model.overview.ranking.map(r => r.total).filter((x): x is number => x !== null);
	const meanTotal = totals.length ? totals.reduce((a, b) => a + b, 0) / totals.length : null;
	const heatTitle = t(lang, 'heatMap');
	return `<section class="page overview-page" id="overview">
<nav class="crumbs"><a href="${links.index}">← ${t(lang, 'backToIndex')}</a></nav>
<div class="kicker">${esc(model.system.title)} · ${esc(t(lang, 'edition')(model.system.reportYear, model.system.dataYear))}</div>
<h1>${t(lang, 'overview')}</h1>
<div class="headline">
<div class="figure"><div class="label">${t(lang, 'region')}</div><div class="value">${model.overview.ranking.length}</div></div>
<div class="figure"><div class="label">${t(lang, 'mean')} · ${t(lang, 'total')}</div><div class="value">${meanTotal === null ? '—' : (Math.round(meanTotal * 100) / 100).toFixed(2)}</div></div>
${model.overview.tiers.map(tier => `<div class="figure"><div class="label">${esc(tier.label)}</div><div class="value">${esc(t(lang, 'tierCount')(tier.count))}<small>${formatShare(tier.share)}</small></div></div>`).join('')}
</div>
${model.provisional ? `<div class="notice">${esc(t(lang, 'provisionalAll')(model.provisional))}</div>` : ''}
<h2>${t(lang, 'ranking')}</h2>
${rankingTable(model, links, pages)}
<h2>${t(lang, 'tierSummary')}</h2>
${tierTable(model)}
</section>
<section class="page heat-page" id="heat-map"><h2>${esc(heatTitle)}</h2>
${heatMap(model.overview.heat, heatTitle, lang)}
</section>
<section class="page stats-page" id="indicator-stats"><h2>${t(lang, 'indicatorStats')}</h2>
${statsTable(model)}
<h2>${t(lang, 'weakest')}</h2>
${weakestTable(model)}
</section>
${comparisonSection(model)}`;
}
