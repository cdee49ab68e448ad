// `POST /{v}/{page-id|me}/message_attachments` (route id `meta.attachments`): the Attachment Upload API.
//
// multipart/form-data with a `message` field (JSON `{"attachment":{"type","payload":{"is_reusable"}}}`)
// and a `filedata` file part, or JSON / form parameters with `message.attachment.payload.url`.
// Answers `{attachment_id}`; the id is remembered so later sends may use it.
import { randomInt } from 'node:crypto';
import { contentType } from '../core/body';
import type { SandboxContext, SandboxRequest, SandboxResponse } from '../core/types';
import { authenticatePage } from './auth';
import { asObject, bool, fail, type Obj, oneOf, onlyKeys, url } from './fields';
import { MEDIA_ATTACHMENT_TYPES } from './limits';
import { decodeJsonParams, graphParams, type Params, withoutAuth } from './params';
import type { MetaState, StoredAttachment } from './state';

export function newAttachmentId(): string {
	return `${randomInt(1, 10)}${String(randomInt(0, 1e9)).padStart(9, '0')}${String(randomInt(0, 1e6)).padStart(6, '0')}`;
}

interface Upload {
	params: Params;
	file?: { name: string; type: string; size: number };
}

async function readMultipart(req: SandboxRequest, ct: string): Promise<Upload> {
	let form: FormData;
	try {
		form = await new Response(req.rawBody, { headers: { 'content-type': ct } }).formData();
	} catch (e) {
		return fail(`(#100) The multipart body could not be parsed: ${(e as Error).message}`);
	}
	const fields: Record<string, string> = {};
	let file: Upload['file'];
	for (const [key, value] of form.entries()) {
		if (typeof value === 'string') {
			fields[key] = value;
		} else if (key === 'filedata') {
			file = { name: value.name, type: value.type, size: value.size };
		} else {
			fail(`(#100) Param ${key} is not a valid parameter (only filedata may be a file)`);
		}
	}
	return { params: { ...decodeJsonParams(req.query), ...decodeJsonParams(fields) }, file };
}

function validateUploadMessage(params: Params, multipart: boolean): { type: string; url?: string; isReusable: boolean } {
	onlyKeys(withoutAuth(params), ['message', 'filedata'], '');
	if (params.message === undefined) fail('(#100) The parameter message is required');
	const message = asObject(params.message, 'message');
	onlyKeys(message, ['attachment'], 'message');
	const a = asObject(message.attachment ?? fail('(#100) The parameter message[attachment] is required'), 'message[attachment]');
	onlyKeys(a, ['type', 'payload'], 'message[attachment]');
	const type = oneOf(a, 'type', 'message[attachment]', MEDIA_ATTACHMENT_TYPES, true) as string;
	const pp = 'message[attachment][payload]';
	const payload: Obj = a.payload === undefined ? {} : asObject(a.payload, pp);
	onlyKeys(payload, multipart ? ['is_reusable'] : ['is_reusable', 'url'], pp);
	const isReusable = bool(payload, 'is_reusable', pp) ?? false;
	if (multipart) return { type, isReusable };
	return { type, isReusable, url: url(payload, 'url', pp, { required: true }) };
}

export async function handleUpload(req: SandboxRequest, ctx: SandboxContext, state: MetaState): Promise<SandboxResponse> {
	const meta = ctx.config.meta;
	const ct = contentType(req.headers);
	const multipart = ct.startsWith('multipart/form-data');
	const upload: Upload = multipart ? await readMultipart(req, req.headers['content-type'] as string) : { params: graphParams(req) };
	authenticatePage(req, upload.params, meta, state, req.params.node);
	const checked = validateUploadMessage(upload.params, multipart);
	if (multipart) {
		if (!upload.file) fail('(#100) The parameter filedata is required (the file part of the upload)');
		if (upload.file.size === 0) fail('(#100) Upload attachment failure: filedata is empty');
	}
	const stored: StoredAttachment = {
		id: newAttachmentId(),
		type: checked.type,
		source: multipart ? 'upload' : 'url',
		url: checked.url,
		fileName: upload.file?.name,
		mimeType: upload.file?.type,
		size: upload.file?.size,
		isReusable: checked.isReusable,
		at: Date.now(),
	};
	state.attachments.set(stored.id, stored);
	return { status: 200, body: { attachment_id: stored.id } };
}
