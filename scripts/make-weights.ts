// Writes equal sibling weights for a bundled system: official weights are unpublished.
// usage: node scripts/run-ts.mjs scripts/make-weights.ts 2020-province
import {writeFileSync} from 'node:fs';
import {loadSystem} from '../source/storage/load-files.js';
import {equalWeights} from '../source/domain/weights/weights-schema.js';
import {bundledWeightsFile} from '../source/storage/bundled-paths.js';

for (const id of process.argv.slice(2)) {
	const {index} = loadSystem(id);
	const file = {
		$schema: './schemas/weights.schema.json',
		...equalWeights(index, 'Equal sibling weights (each set of siblings shares 1 equally). The official weights of the assessment are not published; a team that holds them, or agrees on its own, edits this file or points its workspaces at another one with --weights. Siblings must sum to 1.'),
	};
	writeFileSync(bundledWeightsFile(id), JSON.stringify(file, null, 2) + '\n');
	console.log(`wrote ${bundledWeightsFile(id)}`);
}
