// POST /{v}/{page}/messages: documented shapes accepted, documented limits enforced, field for field.
import { D, graph, send } from '../core/helpers';
import { useSandbox } from '../../support/sandbox';

const HOUR = 3600_000;

describe('Meta send API', () => {
	const sb = useSandbox();
	beforeEach(() => sb.reset());

	async function ok(body: Record<string, unknown>) {
		const res = await send(sb, body);
		expect(res.body.error).toBeUndefined();
		expect(res.status).toBe(200);
		return res;
	}

	async function rejected(body: Record<string, unknown>, pattern: RegExp, code = 100) {
		const before = sb.delivered.length;
		const res = await send(sb, body);
		expect(res.status).toBe(400);
		expect(res.body.error.code).toBe(code);
		expect(res.body.error.message).toMatch(pattern);
		expect(sb.delivered).toHaveLength(before);
		return res;
	}

	const qr = (n: number) => Array.from({ length: n }, (_, i) => ({ content_type: 'text', title: `Option ${i}`, payload: `P${i}` }));

	describe('happy paths', () => {
		it('text → {recipient_id, message_id} and one delivered message', async () => {
			const res = await ok({ message: { text: 'Hello Alice' } });
			expect(res.body.recipient_id).toBe(D.alicePsid);
			expect(res.body.message_id).toMatch(/^m_[A-Za-z0-9_-]{20,}$/);
			expect(sb.delivered).toEqual([
				expect.objectContaining({ provider: 'meta', recipient: D.alicePsid, messageId: res.body.message_id, message: { text: 'Hello Alice' } }),
			]);
			expect(sb.log[0].routeId).toBe('meta.messages');
		});

		it('text of exactly 2000 characters (code points) with 13 quick replies, metadata and notification_type', async () => {
			await ok({
				message: { text: '😀'.repeat(2000), quick_replies: [...qr(11), { content_type: 'user_email' }, { content_type: 'user_phone_number' }], metadata: 'meta' },
				notification_type: 'SILENT_PUSH',
			});
		});

		it('attachment by URL with is_reusable', async () => {
			await ok({ message: { attachment: { type: 'image', payload: { url: 'https://example.com/a.png', is_reusable: true } } } });
		});

		it('button template with web_url, postback and phone_number buttons', async () => {
			await ok({
				message: {
					attachment: {
						type: 'template',
						payload: {
							template_type: 'button',
							text: 'x'.repeat(640),
							buttons: [
								{ type: 'web_url', url: 'https://example.com', title: 'Open', webview_height_ratio: 'tall' },
								{ type: 'postback', title: 'x'.repeat(20), payload: 'p'.repeat(1000) },
								{ type: 'phone_number', title: 'Call', payload: '+15105551234' },
							],
						},
					},
				},
			});
		});

		it('product template with catalog ids (Graph v8.0+)', async () => {
			await ok({ message: { attachment: { type: 'template', payload: { template_type: 'product', elements: [{ id: 'P1' }, { id: 'P2' }] } } } });
			expect(sb.delivered).toHaveLength(1);
		});

		it('generic template with 10 elements, default_action and 3 buttons', async () => {
			const element = {
				title: 't'.repeat(80),
				subtitle: 's'.repeat(80),
				image_url: 'https://example.com/i.png',
				default_action: { type: 'web_url', url: 'https://example.com', webview_height_ratio: 'full' },
				buttons: [
					{ type: 'postback', title: 'A', payload: 'A' },
					{ type: 'postback', title: 'B', payload: 'B' },
					{ type: 'web_url', title: 'C', url: 'https://example.com/c' },
				],
			};
			await ok({ message: { attachment: { type: 'template', payload: { template_type: 'generic', image_aspect_ratio: 'square', elements: Array(10).fill(element) } } } });
		});

		it('media template with a Facebook URL and a button', async () => {
			await ok({
				message: {
					attachment: {
						type: 'template',
						payload: {
							template_type: 'media',
							elements: [{ media_type: 'video', url: 'https://business.facebook.com/page/videos/123', buttons: [{ type: 'web_url', url: 'https://example.com', title: 'More' }] }],
						},
					},
				},
			});
		});

		it('notification_messages opt-in template: refused, marketing messages were discontinued on 2026-02-10', () =>
			rejected(
				{ message: { attachment: { type: 'template', payload: { template_type: 'notification_messages', title: 't', payload: 'weekly-deals' } } } },
				/discontinued on 2026-02-10/,
			));

		it('react and unreact: sender actions with the message id (and the emoji to react with)', async () => {
			const sent = await ok({ message: { text: 'react to me' } });
			const mid = sent.body.message_id as string;
			const react = await graph(sb, 'POST', '/me/messages', {
				body: { recipient: { id: D.alicePsid }, sender_action: 'react', payload: { message_id: mid, reaction: '😊' } },
			});
			expect(react.status).toBe(200);
			expect(react.body).toEqual({ recipient_id: D.alicePsid });
			const unreact = await graph(sb, 'POST', '/me/messages', {
				body: { recipient: { id: D.alicePsid }, sender_action: 'unreact', payload: { message_id: mid } },
			});
			expect(unreact.status).toBe(200);
			await rejected({ sender_action: 'react', payload: { message_id: mid } }, /payload\[reaction\] is required/);
			await rejected({ sender_action: 'unreact', payload: { message_id: mid, reaction: '😊' } }, /payload\[reaction\] is not a valid parameter/);
			await rejected({ sender_action: 'react' }, /requires the parameter payload/);
			await rejected({ sender_action: 'typing_on', payload: { message_id: mid } }, /payload is not valid with sender_action typing_on/);
		});

		it('sender actions answer {recipient_id} and deliver nothing', async () => {
			for (const action of ['typing_on', 'typing_off', 'mark_seen']) {
				const res = await graph(sb, 'POST', '/me/messages', { body: { recipient: { id: D.alicePsid }, sender_action: action } });
				expect(res.status).toBe(200);
				expect(res.body).toEqual({ recipient_id: D.alicePsid });
			}
			expect(sb.delivered).toHaveLength(0);
			expect(sb.log).toHaveLength(3);
		});

		it('the page id works like me; user_ref answers without recipient_id', async () => {
			const a = await graph(sb, 'POST', `/${D.pageId}/messages`, { body: { recipient: { id: D.bobPsid }, messaging_type: 'UPDATE', message: { text: 'x' } } });
			expect(a.body.recipient_id).toBe(D.bobPsid);
			const b = await graph(sb, 'POST', '/me/messages', { body: { recipient: { user_ref: 'ref-123' }, messaging_type: 'RESPONSE', message: { text: 'x' } } });
			expect(b.status).toBe(200);
			expect(b.body.recipient_id).toBeUndefined();
			expect(b.body.message_id).toMatch(/^m_/);
			expect(sb.delivered.map((d) => d.recipient)).toEqual([D.bobPsid, 'ref-123']);
		});

		it('MESSAGE_TAG: HUMAN_AGENT works; the three update tags answer error 100 (reported since 2026)', async () => {
			await ok({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT', message: { text: 'agent' } });
			for (const tag of ['CONFIRMED_EVENT_UPDATE', 'POST_PURCHASE_UPDATE', 'ACCOUNT_UPDATE']) {
				const res = await rejected({ messaging_type: 'MESSAGE_TAG', tag, message: { text: tag } }, new RegExp(`tag ${tag} is not supported`));
				expect(res.body.error.error_subcode).toBe(1893061);
			}
			expect(sb.delivered).toHaveLength(1);
		});
	});

	describe('limits and shape', () => {
		it('14 quick replies', () => rejected({ message: { text: 'x', quick_replies: qr(14) } }, /quick_replies.*at most 13/));
		it('0 quick replies', () => rejected({ message: { text: 'x', quick_replies: [] } }, /quick_replies.*at least 1/));
		it('quick reply title of 21 characters', () =>
			rejected({ message: { text: 'x', quick_replies: [{ content_type: 'text', title: 'x'.repeat(21), payload: 'p' }] } }, /message\[quick_replies\]\[0\]\[title\].*20/));
		it('text quick reply without payload', () =>
			rejected({ message: { text: 'x', quick_replies: [{ content_type: 'text', title: 'A' }] } }, /message\[quick_replies\]\[0\]\[payload\] is required/));
		it('quick reply content_type location (not documented)', () =>
			rejected({ message: { text: 'x', quick_replies: [{ content_type: 'location' }] } }, /content_type.*must be one of/));
		it('text of 2001 characters', () => rejected({ message: { text: 'x'.repeat(2001) } }, /message\[text\].*2000/));
		it('text and attachment together', () =>
			rejected({ message: { text: 'x', attachment: { type: 'image', payload: { url: 'https://e.com/a.png' } } } }, /Only one of/));
		it('a message with neither text nor attachment', () => rejected({ message: { metadata: 'x' } }, /message\[text\] or message\[attachment\] is required/));
		it('tag without MESSAGE_TAG', () => rejected({ tag: 'HUMAN_AGENT', message: { text: 'x' } }, /tag requires messaging_type MESSAGE_TAG/));
		it('MESSAGE_TAG without tag', () => rejected({ messaging_type: 'MESSAGE_TAG', message: { text: 'x' } }, /requires the parameter tag/));
		it('an undocumented tag', () => rejected({ messaging_type: 'MESSAGE_TAG', tag: 'ISSUE_RESOLUTION', message: { text: 'x' } }, /tag must be one of/));
		it('missing messaging_type', async () => {
			const res = await graph(sb, 'POST', '/me/messages', { body: { recipient: { id: D.alicePsid }, message: { text: 'x' } } });
			expect(res.body.error.message).toMatch(/messaging_type is required/);
		});
		it('an unknown messaging_type', () => rejected({ messaging_type: 'PROMO', message: { text: 'x' } }, /messaging_type must be one of/));
		it('sender_action with a message', async () => {
			const res = await graph(sb, 'POST', '/me/messages', { body: { recipient: { id: D.alicePsid }, sender_action: 'typing_on', message: { text: 'x' } } });
			expect(res.body.error.message).toMatch(/sender_action cannot be sent with message/);
		});
		it('an unknown sender_action', async () => {
			const res = await graph(sb, 'POST', '/me/messages', { body: { recipient: { id: D.alicePsid }, sender_action: 'typing' } });
			expect(res.body.error.message).toMatch(/sender_action must be one of/);
		});
		it('recipient with both id and user_ref', () => rejected({ recipient: { id: D.alicePsid, user_ref: 'r' }, message: { text: 'x' } }, /exactly one of/));
		it('recipient with an undocumented key', () => rejected({ recipient: { phone_number: '+1555' }, message: { text: 'x' } }, /recipient\[phone_number\] is not a valid parameter/));
		it('unknown top-level field', () => rejected({ message: { text: 'x' }, priority: 'high' }, /Param priority is not a valid parameter/));
		it('unknown field inside message', () => rejected({ message: { text: 'x', txt: 'y' } }, /Param message\[txt\] is not a valid parameter/));
		it('unknown field deep inside a template button', () =>
			rejected(
				{ message: { attachment: { type: 'template', payload: { template_type: 'button', text: 'x', buttons: [{ type: 'postback', title: 'A', payload: 'a', color: 'red' }] } } } },
				/message\[attachment\]\[payload\]\[buttons\]\[0\]\[color\] is not a valid parameter/,
			));
		it('attachment with both url and attachment_id', () =>
			rejected({ message: { attachment: { type: 'file', payload: { url: 'https://e.com/f.pdf', attachment_id: '1' } } } }, /Exactly one of/));
		it('an unknown attachment_id', () => rejected({ message: { attachment: { type: 'image', payload: { attachment_id: '99999' } } } }, /not a valid attachment id/));
		it('an attachment type that does not exist', () => rejected({ message: { attachment: { type: 'sticker', payload: { url: 'https://e.com/x' } } } }, /\[type\] must be one of/));
		it('button template text of 641', () =>
			rejected({ message: { attachment: { type: 'template', payload: { template_type: 'button', text: 'x'.repeat(641), buttons: [{ type: 'postback', title: 'A', payload: 'a' }] } } } }, /\[text\].*640/));
		it('button template with 4 buttons', () =>
			rejected(
				{ message: { attachment: { type: 'template', payload: { template_type: 'button', text: 'x', buttons: Array(4).fill({ type: 'postback', title: 'A', payload: 'a' }) } } } },
				/buttons.*at most 3/,
			));
		it('button template with no buttons', () =>
			rejected({ message: { attachment: { type: 'template', payload: { template_type: 'button', text: 'x', buttons: [] } } } }, /buttons.*at least 1/));
		it('button title of 21', () =>
			rejected({ message: { attachment: { type: 'template', payload: { template_type: 'button', text: 'x', buttons: [{ type: 'postback', title: 'x'.repeat(21), payload: 'a' }] } } } }, /\[title\].*20/));
		it('phone_number button without +', () =>
			rejected({ message: { attachment: { type: 'template', payload: { template_type: 'button', text: 'x', buttons: [{ type: 'phone_number', title: 'Call', payload: '15105551234' }] } } } }, /starting with \+/));
		it('product template with 11 products', () =>
			rejected({ message: { attachment: { type: 'template', payload: { template_type: 'product', elements: Array.from({ length: 11 }, (_, i) => ({ id: `P${i}` })) } } } }, /elements.*at most 10/));
		it('product element with a field other than id', () =>
			rejected({ message: { attachment: { type: 'template', payload: { template_type: 'product', elements: [{ id: 'P1', title: 't' }] } } } }, /title/));
		it('generic template with 11 elements', () =>
			rejected({ message: { attachment: { type: 'template', payload: { template_type: 'generic', elements: Array(11).fill({ title: 't' }) } } } }, /elements.*at most 10/));
		it('generic element title of 81', () =>
			rejected({ message: { attachment: { type: 'template', payload: { template_type: 'generic', elements: [{ title: 't'.repeat(81) }] } } } }, /elements\]\[0\]\[title\].*80/));
		it('generic element without title', () =>
			rejected({ message: { attachment: { type: 'template', payload: { template_type: 'generic', elements: [{ subtitle: 's' }] } } } }, /\[title\] is required/));
		it('default_action with a title', () =>
			rejected(
				{ message: { attachment: { type: 'template', payload: { template_type: 'generic', elements: [{ title: 't', default_action: { type: 'web_url', url: 'https://e.com', title: 'x' } }] } } } },
				/default_action\]\[title\] is not a valid parameter/,
			));
		it('media template with 2 elements', () =>
			rejected(
				{ message: { attachment: { type: 'template', payload: { template_type: 'media', elements: Array(2).fill({ media_type: 'image', url: 'https://www.facebook.com/photo.php?fbid=1' }) } } } },
				/elements.*at most 1/,
			));
		it('media template with an external URL', () =>
			rejected({ message: { attachment: { type: 'template', payload: { template_type: 'media', elements: [{ media_type: 'image', url: 'https://example.com/a.png' }] } } } }, /Facebook URL/));
		it('media template media_type audio', () =>
			rejected({ message: { attachment: { type: 'template', payload: { template_type: 'media', elements: [{ media_type: 'audio', url: 'https://www.facebook.com/x' }] } } } }, /\[media_type\] must be one of/));
		it('media template with 2 buttons (Meta documents one optional button)', () =>
			rejected(
				{
					message: {
						attachment: {
							type: 'template',
							payload: {
								template_type: 'media',
								elements: [
									{
										media_type: 'image',
										url: 'https://www.facebook.com/photo.php?fbid=1',
										buttons: [
											{ type: 'postback', title: 'A', payload: 'a' },
											{ type: 'postback', title: 'B', payload: 'b' },
										],
									},
								],
							},
						},
					},
				},
				/buttons.*at most 1/,
			));
		it('media template with a CDN URL (fbcdn.net is not a Facebook URL the page documents)', () =>
			rejected(
				{ message: { attachment: { type: 'template', payload: { template_type: 'media', elements: [{ media_type: 'image', url: 'https://scontent.xx.fbcdn.net/a.png' }] } } } },
				/Facebook URL/,
			));
		it('an unknown template type', () =>
			rejected({ message: { attachment: { type: 'template', payload: { template_type: 'receipt' } } } }, /\[template_type\] must be one of/));
	});

	describe('recipients and the messaging window', () => {
		it('unknown PSID → 100 / 2018001', async () => {
			const res = await rejected({ recipient: { id: '7000000000009999' }, message: { text: 'x' } }, /No matching user found/);
			expect(res.body.error.error_subcode).toBe(2018001);
		});

		it('RESPONSE and UPDATE outside 24 h → 10 / 2018278, tags still work', async () => {
			sb.config.users[0].lastInboundAt = Date.now() - 25 * HOUR;
			const a = await rejected({ message: { text: 'late' } }, /outside of allowed window/, 10);
			expect(a.body.error.error_subcode).toBe(2018278);
			await rejected({ messaging_type: 'UPDATE', message: { text: 'late' } }, /outside of allowed window/, 10);
			const typing = await graph(sb, 'POST', '/me/messages', { body: { recipient: { id: D.alicePsid }, sender_action: 'typing_on' } });
			expect(typing.body.error.error_subcode).toBe(2018278);
			await ok({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT', message: { text: 'agent' } });
		});

		it('HUMAN_AGENT allows 7 days, not 8', async () => {
			sb.config.users[0].lastInboundAt = Date.now() - 6.9 * 24 * HOUR;
			await ok({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT', message: { text: 'ok' } });
			sb.config.users[0].lastInboundAt = Date.now() - 8 * 24 * HOUR;
			await rejected({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT', message: { text: 'late' } }, /outside of allowed window/, 10);
		});

		it('a user message reopens the window', async () => {
			sb.config.users[0].lastInboundAt = Date.now() - 30 * HOUR;
			await rejected({ message: { text: 'late' } }, /outside/, 10);
			sb.config.meta.webhookUrl = undefined;
			// No webhook URL: the action fails, but the user did write, so the window is open again.
			await expect(sb.user({ via: 'meta', from: D.alicePsid, kind: 'text' })).rejects.toThrow(/webhookUrl/);
			await ok({ message: { text: 'back' } });
		});

		it('notification_messages_token: refused, marketing messages were discontinued on 2026-02-10', () =>
			rejected({ recipient: { notification_messages_token: 'TOKEN' }, message: { text: 'promo' } }, /discontinued on 2026-02-10/));
	});
});
