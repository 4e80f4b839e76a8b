import {writeFileSync, mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {loadSystem, loadRegions} from '../source/storage/load-files.js';
import {serializeWorkspace, readWorkspace} from '../source/storage/workspace-store.js';
import {syntheticTeam} from '../bench/synthetic.js';
const sys = loadSystem('2020-province');
const {team} = syntheticTeam(sys.index, loadRegions().regions.map(r => r.code), 10);
const dir = mkdtempSync(join(tmpdir(), 'p-'));
const files = team.map((w, i) => { const f = join(dir, `${i}.json`); writeFileSync(f, serializeWorkspace({...w, system: {...w.system, digest: sys.digest}})); return f; });
const s = performance.now();
for (let k = 0; k < 3; k++) { const cache = new Set<string>(); for (const f of files) await readWorkspace(f, undefined, cache); }
console.log('read', ((performance.now() - s) / 3).toFixed(0));
