import type {Workspace} from './workspace-schema.js';
import type {Lang} from '../text.js';

/** The system file or the weights file differs from the one the workspace was made with. */
export type SourceChange = {file: 'system' | 'weights'; was: string; now: string};

/**
 * What changed under a workspace since it was made: the indicator system file (its digest is
 * kept in the workspace) and the weights file (kept since this version; older workspaces did
 * not record it, and are not compared). Scores always use the current files; this says so.
 */
export function sourceChanges(ws: Workspace, current: {systemDigest: string; weightsDigest: string}): SourceChange[] {
	const out: SourceChange[] = [];
	if (ws.system.digest !== current.systemDigest) out.push({file: 'system', was: ws.system.digest, now: current.systemDigest});
	if (ws.weightsDigest && current.weightsDigest && ws.weightsDigest !== current.weightsDigest) out.push({file: 'weights', was: ws.weightsDigest, now: current.weightsDigest});
	return out;
}

/** "the weights file changed since the workspace was made (sha256 1a2b3c4d… → 5e6f7a8b…); scores use the current file". */
export function describeSourceChange(c: SourceChange, lang: Lang = 'en'): string {
	const was = c.was.slice(0, 12);
	const now = c.now.slice(0, 12);
	if (lang === 'zh') return `${c.file === 'system' ? '指标体系文件' : '权重文件'}自工作区创建以来已改变（SHA-256 ${was}… → ${now}…），得分按当前文件计算`;
	return `the ${c.file === 'system' ? 'indicator system file' : 'weights file'} changed since the workspace was made (sha256 ${was}… → ${now}…); scores use the current file`;
}
