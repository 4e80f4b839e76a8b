import React from 'react';
import {render} from 'ink';
import {EventEmitter} from 'node:events';
import {loadSystem, loadRegions, loadCatalog, loadBundledWeights} from '../source/storage/load-files.js';
import {App} from '../source/ui/app.js';
import {themeFor} from '../source/ui/theme.js';
import {syntheticTeam} from '../bench/synthetic.js';
const sys = loadSystem('2020-province');
const regions = loadRegions().regions;
const {base} = syntheticTeam(sys.index, regions.map(r => r.code), 0);
class Out extends EventEmitter { columns = 80; rows = 24; isTTY = true; n = 0; write = (s: string) => { this.n++; if (process.env.DUMP) process.stderr.write(`[${s.length}:${JSON.stringify(s.slice(0, 80))}]\n`); return true; }; }
class In extends EventEmitter { isTTY = true; data: string | null = null; setEncoding() {} setRawMode() {} resume() {} pause() {} ref() {} unref() {} read = () => { const d = this.data; this.data = null; return d; }; press(s: string) { this.data = s; this.emit('readable'); } }
const out = new Out(); const inp = new In();
const port = {readOnly: false, lockedBy: undefined, save: async () => {}, evidence: () => { throw new Error(); }, watchWeights: () => () => {}, defaultExportFile: 'x', exportWorkbook: async () => ({file: 'x', draft: undefined}), close: async () => {}};
render(React.createElement(App, {model: {index: sys.index, regions, catalog: loadCatalog().items, workspace: base, weights: loadBundledWeights(sys.index).weights.weights, weightsFile: 'w', workspaceFile: 'f', user: 'u'}, port: port as never, lang: 'en', theme: themeFor({NO_COLOR: '1'})}), {stdout: out as never, stdin: inp as never, stderr: out as never, exitOnCtrlC: false, patchConsole: false, maxFps: 60});
const wait = (ms: number) => new Promise(r => setTimeout(r, ms));
await wait(200);
inp.press('\r'); await wait(50);
const times: number[] = [];
for (let i = 0; i < Number(process.env.N ?? 150); i++) {
	const before = out.n; const s = performance.now();
	inp.press(i % 20 < 10 ? 'j' : 'k');
	while (out.n === before && performance.now() - s < 500) await new Promise(r => setImmediate(r));
	times.push(performance.now() - s);
	await wait(20);
}
times.sort((a, b) => a - b);
console.log('median', times[75]!.toFixed(1), 'p95', times[142]!.toFixed(1));
process.exit(0);
