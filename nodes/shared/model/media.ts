import type { Media, MediaType } from './message';

// MIME types by file extension, spelled as seed 004's media table spells them (CM.com checks against
// that list), with the media type deciding the ambiguous ones (mp4 and ogg are audio or video).
const MIME_BY_EXTENSION: Readonly<Record<string, readonly string[]>> = {
	png: ['image/png'],
	jpg: ['image/jpeg'],
	jpeg: ['image/jpeg'],
	gif: ['image/gif'],
	webp: ['image/webp'],
	mp4: ['video/mp4', 'audio/mp4'],
	ogg: ['video/ogg', 'audio/ogg'],
	avi: ['video/avi'],
	mov: ['video/mov'],
	webm: ['video/webm'],
	m4a: ['audio/m4a'],
	aac: ['audio/aac'],
	// Seed 004's "acc" is a typo for AAC; a file named so is still AAC audio.
	acc: ['audio/aac'],
	wav: ['audio/wav'],
	mp3: ['audio/mpeg'],
	pdf: ['application/pdf'],
	txt: ['text/plain'],
	csv: ['text/csv'],
	doc: ['application/msword'],
	docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
	xls: ['application/vnd.ms-excel'],
	xlsx: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
	zip: ['application/zip'],
};

const EXTENSION_BY_MIME: Readonly<Record<string, string>> = Object.fromEntries(
	Object.entries(MIME_BY_EXTENSION).flatMap(([extension, types]) => types.map((type) => [type, extension])).reverse(),
);

export function extensionOf(fileName: string): string | undefined {
	const match = /\.([A-Za-z0-9]{1,8})$/.exec(fileName);
	return match ? match[1].toLowerCase() : undefined;
}

function lastPathSegment(url: string): string {
	try {
		const segments = new URL(url).pathname.split('/').filter(Boolean);
		return segments.length ? decodeURIComponent(segments[segments.length - 1]) : '';
	} catch {
		return '';
	}
}

export function mimeTypeForExtension(extension: string | undefined, type: MediaType): string | undefined {
	const candidates = extension ? MIME_BY_EXTENSION[extension] : undefined;
	if (!candidates) return undefined;
	const prefix = type === 'file' ? '' : `${type}/`;
	return candidates.find((candidate) => candidate.startsWith(prefix)) ?? candidates[0];
}

/** The media's file name: given, else the binary's, else the URL's last path segment. */
export function mediaFileName(media: Media): string {
	if (media.fileName) return media.fileName;
	if (media.source.kind === 'binary' && media.source.fileName) return media.source.fileName;
	if (media.source.kind === 'url') {
		const fromUrl = lastPathSegment(media.source.url);
		if (fromUrl) return fromUrl;
	}
	const extension = media.mimeType ? EXTENSION_BY_MIME[media.mimeType] : undefined;
	return extension ? `${media.type}.${extension}` : media.type;
}

/** The media's MIME type: given, else the binary's, else derived from the file name's extension. */
export function mediaMimeType(media: Media): string | undefined {
	if (media.mimeType) return media.mimeType;
	if (media.source.kind === 'binary' && media.source.mimeType) return media.source.mimeType;
	return mimeTypeForExtension(extensionOf(mediaFileName(media)), media.type);
}

/** True when `url` is http(s) and its host is one of `hosts` or a subdomain of one. */
export function urlHostIn(url: string, hosts: readonly string[]): boolean {
	try {
		const { hostname } = new URL(url);
		return hosts.some((host) => hostname === host || hostname.endsWith(`.${host}`));
	} catch {
		return false;
	}
}

export function isHttpUrl(url: string): boolean {
	try {
		const { protocol } = new URL(url);
		return protocol === 'https:' || protocol === 'http:';
	} catch {
		return false;
	}
}
