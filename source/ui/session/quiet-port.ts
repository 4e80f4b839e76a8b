import type {SessionPort} from './session-port.js';

const refuse = (what: string) => () => Promise.reject(new Error(`${what}: not in this session`));

/**
 * A session port that touches nothing outside the process (read-only unless `save` is
 * given): for the build's warm-up run and the benchmark, which run the real App headless.
 */
export function quietPort(overrides: Partial<SessionPort> = {}): SessionPort {
	return {
		readOnly: !overrides.save,
		lockedBy: undefined,
		save: refuse('saving'),
		saveAs: refuse('saving to another file'),
		evidence: () => {
			throw new Error('evidence: not in this session');
		},
		openEvidence: refuse('opening evidence'),
		watchWeights: () => () => undefined,
		watchWorkspace: () => () => undefined,
		watchLock: () => () => undefined,
		takeOver: async () => false,
		exportWorkbook: refuse('exporting'),
		defaultExportFile: 'exports/out.xlsx',
		defaultSaveAsFile: 'rescued.json',
		lastPosition: undefined,
		rememberPosition: () => undefined,
		close: async () => undefined,
		...overrides,
	};
}
