import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { mediaFileName, mediaMimeType } from '../../model/media';
import type { Media } from '../../model/message';
import { graphId, pathSegment } from '../../model/path-input';
import type { MediaUploader } from '../types';
import { isRecord, stringOr, unreachable } from '../util';
import { graphBaseUrl } from './graph/base-url';
import { multipartBody } from './multipart';

/**
 * Attachment Upload API: `POST /{page-id}/message_attachments`, multipart with a `message` field
 * (`{attachment: {type, payload: {is_reusable}}}`) and the file as `filedata`; answers `{attachment_id}`.
 */
export function buildMetaUploadRequest(
	media: Media,
	sender: string,
	credentials: ICredentialDataDecryptedObject,
): IHttpRequestOptions {
	if (media.source.kind !== 'binary') return unreachable('Meta Graph API', 'an upload without binary data');
	const message = { attachment: { type: media.type, payload: { is_reusable: media.reusable ?? true } } };
	const { body, contentType } = multipartBody([
		{ field: 'message', value: JSON.stringify(message) },
		{
			field: 'filedata',
			data: media.source.data,
			fileName: mediaFileName(media),
			contentType: mediaMimeType(media) ?? 'application/octet-stream',
		},
	]);
	return {
		method: 'POST',
		baseURL: graphBaseUrl(credentials),
		url: `/${pathSegment(graphId('sender', sender))}/message_attachments`,
		headers: { 'Content-Type': contentType },
		body,
		json: true,
	};
}

export const metaUploader: MediaUploader = {
	buildUploadRequest: buildMetaUploadRequest,
	parseUploadResponse: (body) => (isRecord(body) ? stringOr(body.attachment_id, undefined) : undefined),
};
