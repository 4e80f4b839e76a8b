import {main} from './cli/main.js';

// Output to a closed pipe (`assess score … | head`) is not an error worth a trace.
process.stdout.on('error', error => {
	if ((error as NodeJS.ErrnoException).code === 'EPIPE') process.exit(0);
});

// No top-level await: the bundle is CommonJS (see scripts/bundle-options.mjs).
void main(process.argv.slice(2), {
	out: text => process.stdout.write(text + '\n'),
	err: text => process.stderr.write(text + '\n'),
	isTty: Boolean(process.stdin.isTTY && process.stdout.isTTY),
	env: process.env,
	cwd: process.cwd(),
}).then(code => {
	process.exitCode = code;
});
