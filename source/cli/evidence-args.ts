/** `--evidence` is read by the storage layer's evidence spec (the TUI's evidence field reads the same). */
export {parseEvidence} from '../storage/evidence-spec.js';
