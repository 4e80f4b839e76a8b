import {pathToFileURL} from 'node:url';
import {inflateSync} from 'node:zlib';
import {Chromium, findChromium, type BrowserPage} from '../../source/report-files/chromium.js';

export const chromiumPath = findChromium(process.env);

/** A page opened in the real browser, with everything it complained about. */
export type OpenedPage = {page: BrowserPage; problems: string[]; requests: string[]; close: () => Promise<void>};

/**
 * Opens a file in a tab at a viewport width (screen or print media), collecting console
 * errors and warnings, uncaught exceptions, log entries of level error, and every request the
 * page made (a self-contained page makes none but itself).
 */
export async function openPage(browser: Chromium, file: string, options: {width: number; height?: number; media?: 'screen' | 'print'}): Promise<OpenedPage> {
	const page = await browser.newPage();
	const problems: string[] = [];
	const requests: string[] = [];
	const off = browser.on(m => {
		if (m.sessionId !== page.sessionId) return;
		if (m.method === 'Runtime.consoleAPICalled' && (m.params.type === 'error' || m.params.type === 'warning' || m.params.type === 'assert')) problems.push(`console.${m.params.type}: ${m.params.args.map((a: {value?: unknown; description?: string}) => a.value ?? a.description).join(' ')}`);
		if (m.method === 'Runtime.exceptionThrown') problems.push(`exception: ${m.params.exceptionDetails.exception?.description ?? m.params.exceptionDetails.text}`);
		if (m.method === 'Log.entryAdded' && (m.params.entry.level === 'error' || m.params.entry.level === 'warning')) problems.push(`log ${m.params.entry.level}: ${m.params.entry.text} ${m.params.entry.url ?? ''}`);
		if (m.method === 'Network.requestWillBeSent') requests.push(m.params.request.url);
	});
	await page.send('Network.enable');
	await page.send('Emulation.setDeviceMetricsOverride', {width: options.width, height: options.height ?? 900, deviceScaleFactor: 1, mobile: false});
	await page.send('Emulation.setEmulatedMedia', {media: options.media ?? 'screen'});
	await page.load(pathToFileURL(file).href);
	return {
		page,
		problems,
		requests,
		close: async () => {
			off();
			await browser.send('Target.closeTarget', {targetId: page.targetId});
		},
	};
}

/**
 * Elements whose right edge passes `width` (CSS px), and the document's own scroll width: what
 * a reader would have to scroll sideways for. Hidden elements (display: none) have no box.
 */
export async function overflow(page: BrowserPage, width: number): Promise<{scrollWidth: number; wide: string[]}> {
	return page.evaluate(`(() => {
		const wide = [];
		for (const el of document.querySelectorAll('body *')) {
			const r = el.getBoundingClientRect();
			if (r.width === 0 && r.height === 0) continue;
			if (r.right > ${width} + 0.5) wide.push(el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : '') + ' right=' + Math.round(r.right));
		}
		return {scrollWidth: document.documentElement.scrollWidth, wide: wide.slice(0, 10)};
	})()`);
}

/** The fonts the browser really drew an element's text with (family and glyph count). */
export async function platformFonts(page: BrowserPage, selector: string): Promise<{familyName: string; glyphCount: number}[]> {
	const {root} = await page.send('DOM.getDocument', {depth: 0});
	const {nodeId} = await page.send('DOM.querySelector', {nodeId: root.nodeId, selector});
	if (!nodeId) throw new Error(`no element ${selector}`);
	await page.send('CSS.enable');
	const {fonts} = await page.send('CSS.getPlatformFontsForNode', {nodeId});
	return fonts;
}

/** A PNG screenshot of a part of the page (CSS px). */
export async function screenshot(page: BrowserPage, clip?: {x: number; y: number; width: number; height: number}): Promise<Buffer> {
	const {data} = await page.send('Page.captureScreenshot', {format: 'png', captureBeyondViewport: true, ...(clip ? {clip: {...clip, scale: 1}} : {})});
	return Buffer.from(data as string, 'base64');
}

/** Decodes an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium's screenshots are) to RGBA pixels. */
export function decodePng(png: Buffer): {width: number; height: number; rgba: Uint8Array} {
	let at = 8;
	let width = 0;
	let height = 0;
	let channels = 4;
	const idat: Buffer[] = [];
	while (at < png.length) {
		const length = png.readUInt32BE(at);
		const type = png.toString('latin1', at + 4, at + 8);
		const data = png.subarray(at + 8, at + 8 + length);
		if (type === 'IHDR') {
			width = data.readUInt32BE(0);
			height = data.readUInt32BE(4);
			if (data[8] !== 8 || data[12] !== 0) throw new Error('only 8-bit non-interlaced PNGs');
			channels = data[9] === 6 ? 4 : data[9] === 2 ? 3 : 0;
			if (!channels) throw new Error(`PNG colour type ${data[9]} not handled`);
		} else if (type === 'IDAT') idat.push(data);
		else if (type === 'IEND') break;
		at += 12 + length;
	}
	const raw = inflateSync(Buffer.concat(idat));
	const stride = width * channels;
	const out = new Uint8Array(width * height * 4);
	let previous = new Uint8Array(stride);
	for (let y = 0; y < height; y++) {
		const filter = raw[y * (stride + 1)]!;
		const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
		const current = new Uint8Array(stride);
		for (let x = 0; x < stride; x++) {
			const a = x >= channels ? current[x - channels]! : 0;
			const b = previous[x]!;
			const c = x >= channels ? previous[x - channels]! : 0;
			const p = a + b - c;
			const pa = Math.abs(p - a);
			const pb = Math.abs(p - b);
			const pc = Math.abs(p - c);
			const predictor = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter]!;
			current[x] = (line[x]! + predictor) & 0xff;
		}
		for (let x = 0; x < width; x++) {
			out.set([current[x * channels]!, current[x * channels + 1]!, current[x * channels + 2]!, channels === 4 ? current[x * channels + 3]! : 255], (y * width + x) * 4);
		}
		previous = current;
	}
	return {width, height, rgba: out};
}

/** The dark pixels of an image, as a bitmap (ink where a pixel is darker than `threshold`). */
export function inkOf(image: {width: number; height: number; rgba: Uint8Array}, threshold = 128): boolean[] {
	const ink: boolean[] = [];
	for (let i = 0; i < image.width * image.height; i++) {
		const [r, g, b] = [image.rgba[i * 4]!, image.rgba[i * 4 + 1]!, image.rgba[i * 4 + 2]!];
		ink.push(0.299 * r + 0.587 * g + 0.114 * b < threshold);
	}
	return ink;
}

export {Chromium};
