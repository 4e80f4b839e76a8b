import {inflateRawSync} from 'node:zlib';

/**
 * One file inside a zip archive (an xlsx is one), found through the central directory and
 * inflated, or undefined for anything that is not a well-formed archive holding it. Only for
 * telling whether an existing xlsx is one this program wrote: SheetJS's read path is not used
 * on files we did not write (it has advisories), and this needs a few bytes of one entry.
 */
export function zipEntry(zip: Buffer, name: string, limit = 1024 * 1024): Buffer | undefined {
	try {
		// The end-of-central-directory record is in the last 64 KB + 22 bytes.
		const from = Math.max(0, zip.length - 65_557);
		let end = -1;
		for (let i = zip.length - 22; i >= from; i--) {
			if (zip.readUInt32LE(i) === 0x06054b50) {
				end = i;
				break;
			}
		}
		if (end < 0) return undefined;
		const entries = zip.readUInt16LE(end + 10);
		let at = zip.readUInt32LE(end + 16);
		for (let n = 0; n < entries; n++) {
			if (zip.readUInt32LE(at) !== 0x02014b50) return undefined;
			const method = zip.readUInt16LE(at + 10);
			const compressed = zip.readUInt32LE(at + 20);
			const size = zip.readUInt32LE(at + 24);
			const nameLength = zip.readUInt16LE(at + 28);
			const extraLength = zip.readUInt16LE(at + 30);
			const commentLength = zip.readUInt16LE(at + 32);
			const local = zip.readUInt32LE(at + 42);
			const entryName = zip.toString('utf8', at + 46, at + 46 + nameLength);
			at += 46 + nameLength + extraLength + commentLength;
			if (entryName !== name) continue;
			if (size > limit || zip.readUInt32LE(local) !== 0x04034b50) return undefined;
			const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
			const data = zip.subarray(start, start + compressed);
			if (method === 0) return Buffer.from(data);
			if (method === 8) return inflateRawSync(data, {maxOutputLength: limit});
			return undefined;
		}
		return undefined;
	} catch {
		return undefined;
	}
}
