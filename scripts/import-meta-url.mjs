// Injected into the CommonJS bundle: import.meta.url for modules that find files beside the program.
export const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;
