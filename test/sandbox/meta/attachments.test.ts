// POST /{v}/{page}/message_attachments: multipart upload (message + filedata), JSON by URL, reuse by id.
import { type Sandbox } from '../../../sandbox';
import { json, D, graph, PROOF, send, V } from '../core/helpers';
import { useSandbox } from '../../support/sandbox';

function uploadForm(message: unknown, file?: Blob, extra: Record<string, string> = {}): FormData {
	const form = new FormData();
	form.set('message', typeof message === 'string' ? message : JSON.stringify(message));
	if (file) form.set('filedata', file, 'photo.png');
	for (const [k, v] of Object.entries(extra)) form.set(k, v);
	return form;
}

async function upload(sb: Sandbox, form: FormData, query = `access_token=${D.pageAccessToken}&appsecret_proof=${PROOF}`) {
	const res = await fetch(`${sb.url}/${V}/me/message_attachments?${query}`, { method: 'POST', body: form });
	return { status: res.status, body: await json(res) };
}

const png = () => new Blob([Buffer.from('89504e470d0a1a0a0000', 'hex')], { type: 'image/png' });

describe('Meta attachment upload', () => {
	const sb = useSandbox();
	beforeEach(() => sb.reset());

	it('multipart upload → {attachment_id}, usable in a send and in a media template', async () => {
		const res = await upload(sb, uploadForm({ attachment: { type: 'image', payload: { is_reusable: true } } }, png()));
		expect(res.status).toBe(200);
		expect(res.body.attachment_id).toMatch(/^\d{10,}$/);
		expect(sb.log[0]).toMatchObject({ routeId: 'meta.attachments', status: 200 });
		const id = res.body.attachment_id;
		const sent = await send(sb, { message: { attachment: { type: 'image', payload: { attachment_id: id } } } });
		expect(sent.status).toBe(200);
		const media = await send(sb, { message: { attachment: { type: 'template', payload: { template_type: 'media', elements: [{ media_type: 'image', attachment_id: id }] } } } });
		expect(media.status).toBe(200);
		expect(sb.delivered).toHaveLength(2);
	});

	it('credentials may travel as multipart fields too', async () => {
		const res = await upload(
			sb,
			uploadForm({ attachment: { type: 'file', payload: { is_reusable: true } } }, png(), { access_token: D.pageAccessToken, appsecret_proof: PROOF }),
			'',
		);
		expect(res.status).toBe(200);
	});

	it('JSON with payload.url → {attachment_id}', async () => {
		const res = await graph(sb, 'POST', '/me/message_attachments', {
			body: { message: { attachment: { type: 'video', payload: { url: 'https://example.com/v.mp4', is_reusable: true } } } },
		});
		expect(res.status).toBe(200);
		expect(res.body.attachment_id).toMatch(/^\d+$/);
	});

	it('multipart without filedata → 100', async () => {
		const res = await upload(sb, uploadForm({ attachment: { type: 'image', payload: { is_reusable: true } } }));
		expect(res.status).toBe(400);
		expect(res.body.error.message).toMatch(/filedata is required/);
	});

	it('an attachment type outside image|audio|video|file → 100', async () => {
		const res = await upload(sb, uploadForm({ attachment: { type: 'template', payload: { is_reusable: true } } }, png()));
		expect(res.body.error).toMatchObject({ code: 100 });
		expect(res.body.error.message).toMatch(/\[type\] must be one of/);
	});

	it('an unknown field in the message → 100 naming it', async () => {
		const res = await upload(sb, uploadForm({ attachment: { type: 'image', payload: { is_reusable: true, caption: 'x' } } }, png()));
		expect(res.body.error.message).toMatch(/message\[attachment\]\[payload\]\[caption\] is not a valid parameter/);
	});

	it('a message field that is not JSON → 100; JSON without url → 100', async () => {
		expect((await upload(sb, uploadForm('{not json', png()))).body.error.code).toBe(100);
		const res = await graph(sb, 'POST', '/me/message_attachments', { body: { message: { attachment: { type: 'image', payload: { is_reusable: true } } } } });
		expect(res.body.error.message).toMatch(/\[url\] is required/);
	});

	it('an upload without the proof → 100', async () => {
		const res = await upload(sb, uploadForm({ attachment: { type: 'image', payload: {} } }, png()), `access_token=${D.pageAccessToken}`);
		expect(res.body.error.code).toBe(100);
		expect(res.body.error.message).toMatch(/appsecret_proof/);
	});
});
