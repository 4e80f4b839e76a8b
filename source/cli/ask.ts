import type {Io} from './command.js';

/**
 * Asks a yes/no question on stderr and reads one line from stdin (a terminal, or a pipe:
 * `echo y | assess unlock ws.json`). No answer (stdin closed or empty) is no.
 */
export async function askYesNo(question: string, io: Io): Promise<boolean> {
	const stdin = io.stdin ?? process.stdin;
	io.err(question);
	const line = await new Promise<string>(resolve => {
		let text = '';
		const done = () => {
			stdin.off('data', onData);
			stdin.off('end', done);
			stdin.pause();
			resolve(text);
		};
		const onData = (chunk: Buffer | string) => {
			text += chunk.toString();
			if (text.includes('\n')) done();
		};
		stdin.on('data', onData);
		stdin.once('end', done);
		stdin.resume();
	});
	return /^\s*(y|yes|是|好)\s*$/i.test(line.split('\n')[0] ?? '');
}
