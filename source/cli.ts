import {main} from './cli/main.js';
import {terminalSafe} from './text/terminal-safe.js';

// Output to a closed pipe (`assess score … | head`) is not an error worth a trace.
process.stdout.on('error', error => {
	if ((error as NodeJS.ErrnoException).code === 'EPIPE') process.exit(0);
});

// No top-level await: the bundle is CommonJS (see scripts/bundle-options.mjs).
void main(process.argv.slice(2), {
	// Everything the commands print passes the one boundary: text from files never reaches the
	// terminal as a control (JSON for scripts keeps its meaning: see terminal-safe.ts).
	out: text => process.stdout.write(terminalSafe(text) + '\n'),
	err: text => process.stderr.write(terminalSafe(text) + '\n'),
	isTty: Boolean(process.stdin.isTTY && process.stdout.isTTY),
	env: process.env,
	cwd: process.cwd(),
}).then(code => {
	process.exitCode = code;
});
