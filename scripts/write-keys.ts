// Writes the key table of source/ui/keymap/ into README.md, between its marks:
//   node scripts/run-ts.mjs scripts/write-keys.ts
import {readFileSync, writeFileSync} from 'node:fs';
import {keyTableMarkdown, README_MARKS} from '../source/ui/keymap/key-table-markdown.js';

// Run from the repository's root (the script runs bundled, from elsewhere).
const file = 'README.md';
const readme = readFileSync(file, 'utf8');
const start = readme.indexOf(README_MARKS.start);
const end = readme.indexOf(README_MARKS.end);
if (start === -1 || end < start) throw new Error(`README.md has no ${README_MARKS.start} … ${README_MARKS.end}`);
writeFileSync(file, `${readme.slice(0, start + README_MARKS.start.length)}\n${keyTableMarkdown('en')}\n${readme.slice(end)}`);
console.log('README.md: key table written');
