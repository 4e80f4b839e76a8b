/**
 * Where the pages link to: other files of a report folder, or anchors in one document. Region
 * codes are validated ([0-9A-Za-z]), so they are safe in file names and anchors.
 */
export type Links = {index: string; overview: string; region: (code: string) => string; regionAnchor: (code: string) => string};

export const folderLinks: Links = {index: 'index.html', overview: 'overview.html', region: code => `${code}.html`, regionAnchor: code => `r-${code}`};

export const documentLinks: Links = {index: '#contents', overview: '#overview', region: code => `#r-${code}`, regionAnchor: code => `r-${code}`};

/** The file of a region page in a report folder. */
export const regionFile = (code: string) => `${code}.html`;
