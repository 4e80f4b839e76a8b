import type {ReportModel} from '../report-model.js';
import {t} from '../strings.js';
import {esc} from './escape.js';
import type {Links} from './links.js';

/** The cover and contents: what the report is of, where its numbers come from, and every page. */
export function indexPage(model: ReportModel, links: Links): string {
	const lang = model.lang;
	const f = model.facts;
	const pages = model.pages.map(p => {
		const row = model.overview.ranking.find(r => r.code === p.code)!;
		return `<li data-region="${esc(p.code)}"><span class="num">${row.rank ?? '—'}</span><span class="name"><a href="${links.region(p.code)}">${esc(p.name)}</a>${row.provisional ? `<span class="badge">${t(lang, 'provisional')}</span>` : ''}</span><span class="num">${row.total === null ? '—' : row.total.toFixed(2)}</span></li>`;
	});
	// Contents in rank order, as the overview lists them.
	const order = new Map(model.overview.ranking.map((r, i) => [r.code, i]));
	const sorted = pages.map((html, i) => ({html, at: order.get(model.pages[i]!.code)!})).sort((a, b) => a.at - b.at);
	return `<section class="page index-page cover" id="contents">
<div class="kicker">${esc(t(lang, 'edition')(model.system.reportYear, model.system.dataYear))}</div>
<h1>${esc(model.system.title)}</h1>
<p class="sub">${esc(t(lang, 'reportTitle'))}${model.provisional ? `<span class="badge">${t(lang, 'provisional')}</span>` : ''}</p>
<dl class="facts">
<dt>${t(lang, 'system')}</dt><dd>${esc(model.system.id)} ${esc(model.system.version)}</dd>
<dt>${t(lang, 'workspace')}</dt><dd>${esc(f.workspaceFile)} · ${esc(t(lang, 'regionsCount')(model.overview.ranking.length))}</dd>
<dt>${t(lang, 'weights')}</dt><dd>${esc(f.weightsFile)} <span class="hash">SHA-256 ${esc(f.weightsDigest)}</span></dd>
<dt>${t(lang, 'generated')}</dt><dd>${esc(f.generatedAt)}</dd>
<dt>${t(lang, 'program')}</dt><dd>${esc(f.program)}</dd>
</dl>
${model.provisional ? `<div class="notice">${esc(t(lang, 'provisionalAll')(model.provisional))}</div>` : ''}
<h2>${t(lang, 'contents')}</h2>
<ul class="toc"><li><span class="name"><a href="${links.overview}">${t(lang, 'overview')}</a></span></li>${model.comparison ? `<li><span class="name"><a href="${links.overview === '#overview' ? '#rank-movement' : `${links.overview}#rank-movement`}">${t(lang, 'rankMovement')}</a></span></li>` : ''}</ul>
<h3>${t(lang, 'regionReport')}</h3>
<ul class="toc regions">${sorted.map(s => s.html).join('')}</ul>
<p class="fine">${t(lang, 'provenance')}</p>
</section>`;
}
