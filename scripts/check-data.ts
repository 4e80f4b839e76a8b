// Temporary checker for data authors, until `assess validate` exists.
import {readFileSync} from 'node:fs';
import {indicatorSystem} from '../source/domain/system/system-schema.js';
import {regionList} from '../source/domain/regions/region-schema.js';
import {serviceCatalog} from '../source/domain/catalog/catalog-schema.js';

for (const file of process.argv.slice(2)) {
	const data = JSON.parse(readFileSync(file, 'utf8'));
	const schema = data.kind === 'assess/indicator-system' ? indicatorSystem : data.kind === 'assess/regions' ? regionList : serviceCatalog;
	const result = schema.safeParse(data);
	if (!result.success) {
		for (const issue of result.error.issues.slice(0, 30)) console.log(`${file}: ${issue.path.join('.')}: ${issue.message}`);
		process.exitCode = 2;
		continue;
	}
	if (data.kind === 'assess/indicator-system') {
		const counts = [0, 0, 0, 0];
		const types: Record<string, number> = {};
		const walk = (nodes: any[], depth: number) => {
			for (const n of nodes) {
				counts[depth]++;
				if (n.rule) types[n.rule.type] = (types[n.rule.type] ?? 0) + 1;
				if (n.children) walk(n.children, depth + 1);
				else if (depth !== 2) console.log(`${file}: leaf ${n.code} is at level ${depth + 1}, expected 3`);
			}
		};
		walk(data.indicators, 0);
		console.log(`${file}: OK — ${counts[0]} primary, ${counts[1]} secondary, ${counts[2]} tertiary; rules ${JSON.stringify(types)}`);
	} else if (data.kind === 'assess/regions') {
		console.log(`${file}: OK — ${data.regions.length} regions`);
	} else {
		console.log(`${file}: OK — ${data.items.length} items, ${new Set(data.items.map((i: any) => i.category)).size} categories`);
	}
}
