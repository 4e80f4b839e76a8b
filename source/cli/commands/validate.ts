import {resolve, dirname, join} from 'node:path';
import {existsSync, readdirSync} from 'node:fs';
import type {Command} from '../command.js';
import {stringOption, pathArg} from '../command.js';
import {readBytes, parseJsonText} from '../../storage/read-json-file.js';
import {messages, say, both, type Message} from '../../domain/words/message.js';
import {inBoth} from '../../domain/text.js';
import {logLineWords} from '../../domain/audit/change-log-words.js';
import {issue} from '../../domain/issues.js';
import {UserError, formatIssue, firstProblem} from '../../storage/user-error.js';
import {loadSystem, loadWeights, loadRegions, loadCatalog} from '../../storage/load-files.js';
import {bundledSystemFile} from '../../storage/bundled-paths.js';
import {readWorkspace, realWorkspacePath} from '../../storage/workspace-store.js';
import {auditTrailOf} from '../../storage/change-log.js';
import {countByLevel} from '../../domain/system/system-index.js';
import {SYSTEM_KIND} from '../../domain/system/system-schema.js';
import {WEIGHTS_KIND, zeroWeightWarnings} from '../../domain/weights/weights-schema.js';
import {missingEvidence, evidenceFolderOf} from '../../storage/evidence-store.js';
import {formatPath} from '../../domain/issues.js';
import {REGIONS_KIND} from '../../domain/regions/region-schema.js';
import {CATALOG_KIND} from '../../domain/catalog/catalog-schema.js';
import {WORKSPACE_KIND} from '../../domain/workspace/workspace-schema.js';
import {SAMPLE_PLAN_KIND, planDifferences, planDifferenceWords} from '../../domain/sample-plan/sample-plan.js';
import {measureRuleWarnings, measureDataWarnings} from '../../domain/rules/measure-warnings.js';
import {sourceChanges, describeSourceChange} from '../../domain/workspace/source-changes.js';
import {scoreOf} from '../../domain/workspace/workspace-ops.js';
import {loadSamplePlan} from '../../storage/load-sample-plan.js';
import {relativeToWorkspace} from '../../storage/bundled-paths.js';
import {MAPPING_KIND} from '../../domain/compare/mapping-schema.js';
import {loadMapping} from '../../storage/load-mapping.js';

const KINDS = [SYSTEM_KIND, WEIGHTS_KIND, REGIONS_KIND, CATALOG_KIND, WORKSPACE_KIND, SAMPLE_PLAN_KIND, MAPPING_KIND];

const M = messages('cli/validate', {
	ok: {zh: '有效 {file}：{what}', en: 'ok  {file}: {what}'},
	warn: {zh: '警告 {file}：{text}', en: 'warn {file}: {text}'},
	someFailed: {zh: '{files} 个文件中有 {failed} 个有问题。', en: '{failed} of {files} files have problems.'},
	allValid: {zh: '全部 {files} 个文件都有效。', en: 'All {files} files are valid.'},
	leafWarning: {zh: '{code} {name}：{problem}', en: '{code} {name}: {problem}'},
	at: {zh: '{place}：{problem}', en: '{place}: {problem}'},
	system: {zh: '指标体系 {id} {version}：各级评估指标 {counts} 个，末级指标 {leaves} 个', en: 'indicator system {id} {version}: {counts} indicators by level, {leaves} {leaves|leaf|leaves}'},
	weights: {zh: '{id} 的权重：{n} 个评估指标，同级权重之和为 1', en: 'weights for {id}: {n} {n|indicator|indicators}, siblings sum to 1'},
	regions: {zh: '地区列表：{n} 个地区', en: 'region list: {n} {n|region|regions}'},
	catalog: {zh: '政务服务事项目录：{n} 个事项', en: 'service-item catalog: {n} {n|item|items}'},
	plan: {zh: '{id} 的抽查计划：{groups} 组，{leaves} 个抽查类末级指标', en: 'sample plan for {id}: {groups} {groups|group|groups}, {leaves} sampled {leaves|leaf|leaves}'},
	planDiffers: {zh: '与抽查计划 {plan} 不一致：{difference}', en: 'differs from the sample plan {plan}: {difference}'},
	planned: {zh: '，抽查计划 {plan}（{state}）', en: ', sample plan {plan} ({state})'},
	leavesDiffer: {zh: '{n} 个末级指标不一致', en: '{n} {n|leaf differs|leaves differ}'},
	followsPlan: {zh: '所有已记录的抽查都与计划一致', en: 'every recorded sample follows it'},
	missingEvidence: {zh: '证据文件 {stored}（{name}）不在 {folder} 中；请从评估人的证据文件夹中复制过来', en: 'evidence file {stored} ({name}) is missing from {folder}; copy it there from the assessor\'s evidence folder'},
	moreLogLines: {zh: '变更记录：另有 {n} 行不是变更', en: 'change log: … and {n} more {n|line|lines} that are not changes'},
	notLogged: {zh: '有 {n} 条变更不在变更记录中（assess log 会从评估结论的历史中恢复它们）', en: '{n} {n|change is|changes are} not in the change log (assess log recovers them from the findings\' histories)'},
	logged: {zh: '，已记录 {n} 条变更', en: ', {n} {n|change|changes} logged'},
	noLog: {zh: '，尚无变更记录（assess log 会显示评估结论的历史）', en: ', no change log yet (assess log shows the findings\' histories)'},
	logProblem: {zh: '变更记录：{file}：{problem}', en: 'change log: {file}: {problem}'},
	workspace: {zh: '{assessor} 的工作区：{regions} 个地区，{findings} 条评估结论，{conflicts} 处冲突{planned}{trail}', en: 'workspace of {assessor}: {regions} {regions|region|regions}, {findings} {findings|finding|findings}, {conflicts} {conflicts|conflict|conflicts}{planned}{trail}'},
	mapping: {zh: '评估指标映射 {from} → {to}：{n} 条', en: 'indicator mapping {from} → {to}: {n} {n|entry|entries}'},
	noKind: {zh: '没有已知的 "kind"（应为以下之一：{kinds}）', en: 'has no known "kind" (expected one of {kinds})'},
	noSystem: {zh: '找不到指标体系 "{id}"（内置的，或在本文件夹及上一级文件夹中）；请用 --system <文件> 指定', en: 'no indicator system "{id}" was found (bundled, or in this folder or the one above); name it with --system <file>'},
});

export const validateCommand: Command = {
	name: 'validate',
	usage: {zh: 'assess validate <文件>... [--system <id|文件>] [--lang zh|en]', en: 'assess validate <file>... [--system <id|file>] [--lang zh|en]'},
	summary: {zh: '检查指标体系、权重、工作区、抽查计划、地区列表或事项目录文件', en: 'check indicator system, weights, workspace, sample plan, region list or catalog files'},
	help: {
		zh: `逐个检查文件：是否为 JSON，是否属于已知的种类（"kind" 字段），是否符合其格式，是否与它所引用的
内容一致（权重与其指标体系，工作区与其指标体系和地区列表）。每个有效的文件输出一行；有问题的
文件逐条列出问题及其在文件中的位置。从不修改文件。全部有效时退出码为 0，否则为 2。

权重文件或抽查计划按其指标体系（"system" 字段）检查：内置的指标体系，或在该文件所在文件夹及
上一级文件夹中 "id" 相同的指标体系文件；--system 可指定。

警告（文件仍然有效，退出码 0）以“警告”输出到标准错误：计分方法可能退化的计量类规则（越低越好
而用 "ratio"，一个地区为 0 就使其他地区都得 0 分）、使方法退化的工作区数值（各地区相同，只有
一个地区有值）、抽查事项与工作区抽查计划不一致的地区、事项少于规则抽查数的计划，以及自工作区
创建以来有改动的指标体系文件或权重文件。评估指标映射（assess compare --map）按它所写的两个
指标体系检查，查找方法相同。

供编辑器使用的 JSON Schema 在 indicators/schemas/ 中。

  --system <id|文件>   权重文件或抽查计划所属的指标体系
  --lang zh|en         输出语言（默认随系统区域设置）

示例：
  assess validate indicators/*.json`,
		en: `Checks each file: that it is JSON, of a known kind ("kind" field), valid for its schema, and
consistent with what it refers to (weights against their system, a workspace against its
system and the region list). Prints one line per valid file; for a broken file, each problem
with the place in the file. Never changes a file. Exit 0 when all are valid, 2 otherwise.

A weights file or a sample plan is checked against its system ("system" field): a bundled
one, or a system file with that id in the file's folder or the folder above; --system names it.

Warnings (the file is still valid; exit 0) go to stderr as "warn": measure rules whose method
can degenerate (ratio with lower-is-better, where one region at 0 gives the others 0), measure
values in a workspace that make it degenerate (all regions equal, one region alone), regions
whose sampled items differ from the workspace's sample plan, a plan shorter than a rule's
sample size, and a system or weights file changed since the workspace was made.
An indicator mapping (assess compare --map) is checked against both systems it names, found
the same way.

JSON Schemas for editors are in indicators/schemas/.

  --system <id|file>   the system of a weights file or a sample plan
  --lang zh|en         the language (default: from the locale)

Example:
  assess validate indicators/*.json`,
	},
	options: {system: {type: 'string'}},
	positionals: {min: 1, max: Infinity},
	async run(args, io) {
		let failed = 0;
		const t = (m: Message) => say(io.lang, m);
		const systemArg = stringOption(args, 'system');
		const system = systemArg && (systemArg.includes('/') || systemArg.endsWith('.json')) ? pathArg(io, systemArg) : systemArg;
		for (const name of args.positionals) {
			try {
				const warnings: Message[] = [];
				io.out(t(M.ok({file: name, what: await validateOne(pathArg(io, name), name, system, warnings)})));
				for (const w of warnings) io.err(t(M.warn({file: name, text: w})));
			} catch (error) {
				if (!(error instanceof UserError)) throw error;
				failed++;
				for (const issue of error.named(resolve(io.cwd, name), name).issues) io.err(formatIssue(issue, io.lang));
			}
		}
		const files = args.positionals.length;
		if (files > 1) io.err(t(failed ? M.someFailed({failed, files}) : M.allValid({files})));
		return failed ? 2 : 0;
	},
};

async function validateOne(file: string, shown: string, systemOverride: string | undefined, warnings: Message[]): Promise<Message> {
	const raw = parseJsonText(file, readBytes(file));
	const kind = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>).kind : undefined;
	switch (kind) {
		case SYSTEM_KIND: {
			const {index} = loadSystem(file);
			for (const w of measureRuleWarnings(index)) warnings.push(M.leafWarning({code: w.indicator, name: inBoth(index.nodes.get(w.indicator)!.node.name), problem: w.said}));
			return M.system({id: index.system.id, version: index.system.version, counts: countByLevel(index).join(' / '), leaves: index.leaves.length});
		}
		case WEIGHTS_KIND: {
			const systemId = String((raw as Record<string, unknown>).system ?? '');
			const {index} = systemOverride ? loadSystem(systemOverride) : findSystem(systemId, file, shown);
			const {weights} = loadWeights(file, index);
			for (const w of zeroWeightWarnings(index, weights)) warnings.push(M.at({place: formatPath(w.path), problem: w.said}));
			return M.weights({id: systemId, n: index.ordered.length});
		}
		case REGIONS_KIND:
			return M.regions({n: loadRegions(file).regions.length});
		case CATALOG_KIND:
			return M.catalog({n: loadCatalog(file).items.length});
		case SAMPLE_PLAN_KIND: {
			const systemId = String((raw as Record<string, unknown>).system ?? '');
			const {index} = systemOverride ? loadSystem(systemOverride) : findSystem(systemId, file, shown);
			const plan = loadSamplePlan(file, index);
			for (const w of plan.warnings) warnings.push(w.said);
			return M.plan({id: systemId, groups: plan.plan.groups.length, leaves: plan.plan.groups.reduce((n, g) => n + g.indicators.length, 0)});
		}
		case WORKSPACE_KIND: {
			const {data, context} = await readWorkspace(file);
			const names = new Map(context.regions.regions.map(r => [r.code, r.name]));
			for (const change of sourceChanges(data, {systemDigest: context.system.digest, weightsDigest: context.weights.digest})) warnings.push(both(lang => describeSourceChange(change, lang)));
			const scores = scoreOf(context.system.index, context.weights.weights.weights, data);
			for (const w of measureDataWarnings(context.system.index, scores.stats, data.regions.length)) warnings.push(M.leafWarning({code: w.indicator, name: inBoth(context.system.index.nodes.get(w.indicator)!.node.name), problem: w.said}));
			let planned: Message | string = '';
			if (data.samplePlan) {
				const plan = loadSamplePlan(relativeToWorkspace(file, data.samplePlan), context.system.index);
				const differences = planDifferences(data, plan.plan);
				for (const d of differences) warnings.push(M.planDiffers({plan: data.samplePlan, difference: planDifferenceWords(d, c => names.get(c) ?? c)}));
				planned = M.planned({plan: data.samplePlan, state: differences.length ? M.leavesDiffer({n: differences.length}) : M.followsPlan()});
			}
			const missing = missingEvidence(file, data);
			if (missing.length > 0) {
				const folder = evidenceFolderOf(shown);
				throw UserError.fromIssues(
					shown,
					missing.map(m => issue(['findings', m.key, 'evidence'], M.missingEvidence({stored: m.stored, name: m.name, folder}))),
				);
			}
			// Its change log: lines that are not changes, and changes it lacks (recovered by assess log).
			let trail: Message | string = '';
			try {
				const audit = auditTrailOf(realWorkspacePath(file), data);
				for (const p of audit.problems.slice(0, 10)) warnings.push(logLineWords(p.line, p.problem));
				if (audit.problems.length > 10) warnings.push(M.moreLogLines({n: audit.problems.length - 10}));
				const logged = audit.entries.length - audit.recovered;
				// A workspace from before change logs has none: its findings' histories are its trail.
				if (audit.recovered && logged) warnings.push(M.notLogged({n: audit.recovered}));
				trail = logged ? M.logged({n: logged}) : M.noLog();
			} catch (error) {
				if (!(error instanceof UserError)) throw error;
				warnings.push(M.logProblem({file: error.issues[0]?.file ?? '', problem: firstProblem(error)}));
			}
			return M.workspace({assessor: data.assessor, regions: data.regions.length, findings: Object.keys(data.findings).length, conflicts: Object.keys(data.conflicts).length, planned, trail});
		}
		case MAPPING_KIND: {
			const structure = loadMapping(file, shown);
			const systems = {old: findSystem(structure.from.id, file, shown).index, new: findSystem(structure.to.id, file, shown).index};
			const mapping = loadMapping(file, shown, systems);
			return M.mapping({from: mapping.from.id, to: mapping.to.id, n: mapping.map.length});
		}
		default:
			throw UserError.of(shown, M.noKind({kinds: KINDS}), '$.kind');
	}
}

/** The system a weights file names: bundled, or a system file with that id nearby. */
function findSystem(id: string, weightsFile: string, shown: string) {
	if (/^[a-z0-9][a-z0-9-]*$/.test(id) && existsSync(bundledSystemFile(id))) return loadSystem(id);
	for (const dir of [dirname(weightsFile), dirname(dirname(weightsFile))]) {
		for (const name of safeList(dir)) {
			const candidate = join(dir, name);
			if (candidate === weightsFile || !name.endsWith('.json')) continue;
			try {
				const raw = parseJsonText(candidate, readBytes(candidate)) as Record<string, unknown>;
				if (raw && raw.kind === SYSTEM_KIND && raw.id === id) return loadSystem(candidate);
			} catch {
				// Not a readable system file: keep looking.
			}
		}
	}
	throw UserError.of(shown, M.noSystem({id}), '$.system');
}

function safeList(dir: string): string[] {
	try {
		return readdirSync(dir).sort();
	} catch {
		return [];
	}
}
