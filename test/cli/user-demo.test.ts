import {describe, it, expect} from 'vitest';
import {existsSync, readFileSync, readdirSync, unlinkSync, writeFileSync} from 'node:fs';
import {createHash} from 'node:crypto';
import {join} from 'node:path';
import {userDataFolder, userDemo} from '../../source/cli/user-demo.js';
import {UserError} from '../../source/storage/user-error.js';
import {repoRoot, tempDir} from '../helpers/run-cli.js';

const bundled = readFileSync(join(repoRoot, 'workspaces', 'demo.json'));
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

describe("a bare `assess` opens the user's own copy of the demo", () => {
	it('lives where the platform keeps application data, or where ASSESS_DATA_DIR says', () => {
		const home = () => '/home/zhang';
		expect(userDataFolder({}, 'linux', home)).toBe('/home/zhang/.local/share/assess');
		expect(userDataFolder({XDG_DATA_HOME: '/data'}, 'linux', home)).toBe('/data/assess');
		expect(userDataFolder({}, 'darwin', home)).toBe('/home/zhang/Library/Application Support/assess');
		expect(userDataFolder({APPDATA: 'C:\\Users\\zhang\\AppData\\Roaming'}, 'win32', home)).toMatch(/Roaming.assess$/);
		expect(userDataFolder({ASSESS_DATA_DIR: '/mine'}, 'linux', home)).toBe('/mine');
		expect(
			userDataFolder({}, 'linux', () => {
				throw new Error('no home');
			}),
		).toBeUndefined();
	});

	it('is made from the bundled demo the first time, then kept as the user changes it', () => {
		const dir = join(tempDir('assess-data-'), 'nested');
		const env = {ASSESS_DATA_DIR: dir};
		const first = userDemo(env);
		expect(first).toEqual({file: join(dir, 'demo.json'), made: 'new'});
		expect(readFileSync(first.file)).toEqual(bundled);
		// Nothing else is left in the folder: no temporary file.
		expect(readdirSync(dir).sort()).toEqual(['demo.json', 'demo.json.origin']);
		expect(userDemo(env).made).toBeUndefined();
		writeFileSync(first.file, bundled.toString().replace('演示团队', '张三'));
		expect(userDemo(env).made).toBeUndefined();
		expect(readFileSync(first.file, 'utf8')).toContain('张三');
	});

	it('follows a new bundled demo after an upgrade when the user never changed it, and not while it is open', () => {
		const dir = tempDir('assess-data-');
		const file = join(dir, 'demo.json');
		// The copy an older version of the program made, untouched since.
		const older = bundled.toString().replace('演示团队', '旧版演示');
		writeFileSync(file, older);
		writeFileSync(`${file}.origin`, `${sha256(older)}\n`);
		writeFileSync(`${file}.lock`, '{}');
		expect(userDemo({ASSESS_DATA_DIR: dir}).made).toBeUndefined();
		expect(readFileSync(file, 'utf8')).toBe(older);
		unlinkSync(`${file}.lock`);
		expect(userDemo({ASSESS_DATA_DIR: dir}).made).toBe('updated');
		expect(readFileSync(file)).toEqual(bundled);
		expect(readFileSync(`${file}.origin`, 'utf8').trim()).toBe(sha256(bundled));
	});

	it('says what to do when the copy cannot be made', () => {
		const blocked = join(tempDir('assess-data-'), 'file');
		writeFileSync(blocked, '');
		try {
			userDemo({ASSESS_DATA_DIR: join(blocked, 'assess')});
			expect.unreachable();
		} catch (error) {
			expect(error).toBeInstanceOf(UserError);
			expect((error as UserError).message).toMatch(/could not be made as your copy of the demo: .*ASSESS_DATA_DIR/s);
		}
		expect(existsSync(join(blocked, 'assess'))).toBe(false);
	});
});
