// The sandbox's chat page: the Messenger user in a browser. It polls what the providers delivered to
// one user (GET /__sandbox/delivered) and renders it as Messenger would; what the user types or taps
// goes out as that user (POST /__sandbox/user) in the chosen provider's webhook format.
// Via Meta the app may have several pages (config.meta.pageId and additionalPages): the page picker
// (?page=<id>) switches between them, each with its own conversation with the same user; a bot reply
// shows under the page that sent it (the delivered message's pageId).
'use strict';
(function () {
	const params = new URLSearchParams(location.search);
	const via = params.get('via') || 'meta';
	const POLL_MS = 400;
	const VIA_NAMES = {
		meta: 'Meta Graph API',
		'infobip-forward': 'Infobip (forward)',
		'infobip-pull': 'Infobip (inbox)',
		'infobip-messenger': 'Infobip Messenger API',
		'infobip-messages-pull': 'Infobip Messages API (pull)',
		cm: 'CM.com',
	};
	const $ = (id) => document.getElementById(id);
	const Pages = window.SandboxChatPages;
	const thread = $('thread');
	const quickBar = $('quick-replies');
	const input = $('input');

	let psid = params.get('psid') || '';
	let delivered = [];
	let waitingSince = 0;
	let lastSignature = '';
	/** The app's pages [{id, name}], the first page first; pageId is the one on screen. */
	let pages = [];
	let pageId = '';
	const firstPageId = () => (pages[0] && pages[0].id) || '';
	const storeKey = () => Pages.storeKey(psid, via, pageId, firstPageId());
	let local = { sent: [], since: 0 };

	function loadLocal() {
		try {
			local = JSON.parse(sessionStorage.getItem(storeKey()) || '') || local;
		} catch (_) {
			local = { sent: [], since: 0 };
		}
	}
	function saveLocal() {
		sessionStorage.setItem(storeKey(), JSON.stringify(local));
	}

	function el(tag, className, text) {
		const node = document.createElement(tag);
		if (className) node.className = className;
		if (text !== undefined && text !== null) node.textContent = String(text);
		return node;
	}

	function showError(message) {
		const box = $('error');
		box.textContent = message;
		box.hidden = !message;
	}

	// ---- provider messages -> views -------------------------------------------------------------
	// A view: {kind:'text'|'media'|'buttons'|'cards'|'products'|'optin', ...}; quick replies ride on
	// the message as a whole. Buttons: {title, type:'postback'|'url'|'call', payload, url, phone}.

	function metaButton(b) {
		if (b.type === 'web_url') return { title: b.title, type: 'url', url: b.url };
		if (b.type === 'phone_number') return { title: b.title, type: 'call', phone: b.payload };
		return { title: b.title, type: 'postback', payload: b.payload };
	}

	function metaViews(m) {
		const views = [];
		if (typeof m.text === 'string') views.push({ kind: 'text', text: m.text });
		const a = m.attachment;
		if (a && a.type === 'template') {
			const p = a.payload || {};
			switch (p.template_type) {
				case 'button':
					views.push({ kind: 'buttons', text: p.text, buttons: (p.buttons || []).map(metaButton) });
					break;
				case 'generic':
					views.push({
						kind: 'cards',
						cards: (p.elements || []).map((e) => ({
							title: e.title,
							subtitle: e.subtitle,
							imageUrl: e.image_url,
							buttons: (e.buttons || []).map(metaButton),
						})),
					});
					break;
				case 'media': {
					const e = (p.elements || [])[0] || {};
					views.push({ kind: 'media', type: e.media_type || 'image', url: e.url, attachmentId: e.attachment_id, buttons: (e.buttons || []).map(metaButton) });
					break;
				}
				case 'product':
					views.push({ kind: 'products', ids: (p.elements || []).map((e) => e.id) });
					break;
				case 'notification_messages':
					views.push({ kind: 'optin', title: p.title, imageUrl: p.image_url, payload: p.payload, cta: p.notification_messages_cta_text });
					break;
				default:
					views.push({ kind: 'text', text: `[${p.template_type || 'unknown'} template]` });
			}
		} else if (a) {
			const p = a.payload || {};
			views.push({ kind: 'media', type: a.type, url: p.url, attachmentId: p.attachment_id });
		}
		const quickReplies = (m.quick_replies || []).map((q) => ({
			title: q.title || (q.content_type === 'user_email' ? 'Email' : q.content_type === 'user_phone_number' ? 'Phone number' : q.payload),
			payload: q.payload || q.content_type,
			imageUrl: q.image_url,
		}));
		return { views, quickReplies };
	}

	function infobipViews(body) {
		const m = (body && body.message) || {};
		switch (m.type) {
			case 'TEXT':
				return { views: [{ kind: 'text', text: m.text }], quickReplies: [] };
			case 'IMAGE':
			case 'AUDIO':
			case 'VIDEO':
			case 'FILE':
				return { views: [{ kind: 'media', type: m.type.toLowerCase(), url: m.url }], quickReplies: [] };
			default: {
				const p = m.payload || {};
				const buttons = (p.buttons || []).map((b) =>
					String(b.type).toUpperCase() === 'URL' ? { title: b.title, type: 'url', url: b.url } : { title: b.title, type: 'postback', payload: b.payload },
				);
				return { views: [{ kind: 'buttons', text: p.text, buttons }], quickReplies: [] };
			}
		}
	}

	function cmButton(s) {
		const action = String(s.action || '').toLowerCase();
		if (action === 'openurl') return { title: s.label, type: 'url', url: s.url };
		if (action === 'call' || action === 'dial') return { title: s.label, type: 'call', phone: s.phonenumber || s.phoneNumber || (s.dial && s.dial.phoneNumber) };
		return { title: s.label, type: 'postback', payload: s.postbackdata };
	}

	function cmMediaType(media) {
		const mime = String((media && media.mimeType) || '');
		if (mime.startsWith('image/')) return 'image';
		if (mime.startsWith('video/')) return 'video';
		if (mime.startsWith('audio/')) return 'audio';
		return 'file';
	}

	function cmViews(msg) {
		const conversation = (msg.richContent && msg.richContent.conversation) || [];
		if (!conversation.length) return { views: [{ kind: 'text', text: msg.body && msg.body.content }], quickReplies: [] };
		const views = [];
		let quickReplies = [];
		for (const item of conversation) {
			const suggestions = item.suggestions || [];
			const products = suggestions.filter((s) => String(s.action).toLowerCase() === 'viewproduct');
			const optin = suggestions.find((s) => String(s.action).toLowerCase() === 'optin');
			if (item.carousel) {
				views.push({
					kind: 'cards',
					cards: (item.carousel.cards || []).map((c) => ({
						title: c.header || c.text,
						subtitle: c.header ? c.text : '',
						imageUrl: c.media && c.media.mediaUri,
						buttons: (c.suggestions || []).map(cmButton),
					})),
				});
				quickReplies = suggestions.map((s) => ({ title: s.label, payload: s.postbackdata }));
			} else if (optin) {
				views.push({ kind: 'optin', title: optin.label || item.text, payload: optin.postbackdata || '' });
			} else if (products.length) {
				views.push({ kind: 'products', ids: products.map((s) => s.productId || s.id || s.label) });
			} else if (item.media) {
				views.push({ kind: 'media', type: cmMediaType(item.media), url: item.media.mediaUri, buttons: suggestions.length === 1 ? suggestions.map(cmButton) : [] });
				if (item.text) views.unshift({ kind: 'text', text: item.text });
				if (suggestions.length > 1) quickReplies = suggestions.map((s) => ({ title: s.label, payload: s.postbackdata }));
			} else {
				if (item.text) views.push({ kind: 'text', text: item.text });
				quickReplies = suggestions.map((s) => ({ title: s.label, payload: s.postbackdata }));
			}
		}
		return { views, quickReplies };
	}

	function toMessage(d) {
		if (d.provider === 'meta') return metaViews(d.message || {});
		if (d.provider === 'infobip') return infobipViews(d.message);
		if (d.provider === 'infobip-messenger') return window.messengerApiViews(d.message);
		return cmViews(d.message || {});
	}

	// ---- rendering ----------------------------------------------------------------------------

	function buttonNode(b) {
		if (b.type === 'url') {
			const link = el('a', 'template-button', b.title);
			link.href = /^https?:\/\//i.test(b.url || '') ? b.url : `https://${b.url}`;
			link.target = '_blank';
			link.rel = 'noopener noreferrer';
			link.dataset.testid = 'template-button';
			return link;
		}
		if (b.type === 'call') {
			const link = el('a', 'template-button', b.title);
			link.href = `tel:${b.phone || ''}`;
			link.dataset.testid = 'template-button';
			return link;
		}
		const button = el('button', 'template-button', b.title);
		button.type = 'button';
		button.dataset.testid = 'template-button';
		button.addEventListener('click', () => act({ kind: 'postback', text: b.title, payload: b.payload || '' }, b.title));
		return button;
	}

	function mediaNode(v) {
		const box = el('div', 'media');
		const src = v.url || '';
		if (!src) {
			box.append(el('div', 'bubble', `${v.type} (attachment ${v.attachmentId || '?'})`));
		} else if (v.type === 'image') {
			const img = el('img');
			img.src = src;
			img.alt = 'image';
			box.append(img);
		} else if (v.type === 'video' || v.type === 'audio') {
			const player = el(v.type);
			player.src = src;
			player.controls = true;
			box.append(player);
		} else {
			const link = el('a', 'file', `📄 ${decodeURIComponent(src.split('/').pop() || 'file')}`);
			link.href = src;
			link.target = '_blank';
			box.append(link);
		}
		if (v.buttons && v.buttons.length) {
			const t = el('div', 'template');
			v.buttons.forEach((b) => t.append(buttonNode(b)));
			box.append(t);
		}
		return box;
	}

	function cardNode(c) {
		const card = el('div', 'card');
		card.dataset.testid = 'card';
		if (c.imageUrl) {
			const img = el('img');
			img.src = c.imageUrl;
			img.alt = '';
			card.append(img);
		}
		const body = el('div', 'body');
		body.append(el('div', 'title', c.title || ''));
		if (c.subtitle) body.append(el('div', 'subtitle', c.subtitle));
		card.append(body);
		(c.buttons || []).forEach((b) => card.append(buttonNode(b)));
		return card;
	}

	function viewNode(v) {
		switch (v.kind) {
			case 'text': {
				const bubble = el('div', 'bubble', v.text || '');
				bubble.dataset.testid = 'bot-text';
				return bubble;
			}
			case 'media':
				return mediaNode(v);
			case 'buttons': {
				const t = el('div', 'template');
				t.dataset.testid = 'button-template';
				t.append(el('div', 'text', v.text || ''));
				v.buttons.forEach((b) => t.append(buttonNode(b)));
				return t;
			}
			case 'cards': {
				const row = el('div', 'carousel');
				row.dataset.testid = 'carousel';
				v.cards.forEach((c) => row.append(cardNode(c)));
				return row;
			}
			case 'products': {
				const row = el('div', 'carousel');
				v.ids.forEach((id) => row.append(cardNode({ title: `Product ${id}`, subtitle: 'From the page\'s catalog' })));
				return row;
			}
			case 'optin': {
				const card = cardNode({ title: v.title, subtitle: 'Get messages from this page', imageUrl: v.imageUrl });
				const allow = el('button', 'template-button', v.cta === 'FREQUENCY' ? 'Get messages' : 'Allow messages');
				allow.type = 'button';
				allow.addEventListener('click', () => act({ kind: 'optin', text: v.title, payload: v.payload || '' }, 'Allowed messages'));
				card.append(allow);
				return card;
			}
			default:
				return el('div', 'bubble', JSON.stringify(v));
		}
	}

	function render() {
		const since = local.since || 0;
		const mine = Pages.messagesFor(delivered, { psid, pageId, firstPageId: firstPageId(), since });
		const signature = `${mine.length}:${local.sent.length}:${waitingSince > 0}`;
		if (signature === lastSignature) return;
		lastSignature = signature;

		const entries = [
			...local.sent.filter((s) => s.at >= since).map((s) => ({ at: s.at, who: 'user', sent: s })),
			...mine.map((d) => ({ at: d.at, who: 'bot', message: toMessage(d), provider: d.provider })),
		].sort((a, b) => a.at - b.at);

		thread.querySelectorAll('.row').forEach((n) => n.remove());
		$('intro').hidden = entries.length > 0;
		let quickReplies = [];
		for (const entry of entries) {
			const row = el('div', `row ${entry.who}`);
			if (entry.who === 'user') {
				const bubble = el('div', `bubble${entry.sent.kind === 'text' ? '' : ' tap'}`, entry.sent.label);
				bubble.dataset.testid = 'user-text';
				row.append(bubble);
				quickReplies = [];
			} else {
				row.dataset.testid = 'bot-message';
				entry.message.views.forEach((v) => row.append(viewNode(v)));
				quickReplies = entry.message.quickReplies;
			}
			thread.append(row);
		}
		const lastAt = entries.length ? entries[entries.length - 1].at : 0;
		if (waitingSince && lastAt > waitingSince) waitingSince = 0;
		if (waitingSince) {
			const row = el('div', 'row bot');
			const dots = el('div', 'bubble typing');
			dots.append(el('i'), el('i'), el('i'));
			row.append(dots);
			thread.append(row);
		}
		// Messenger shows the quick replies of the last message only, until the user answers.
		quickBar.replaceChildren();
		quickReplies.forEach((q) => {
			const chip = el('button', 'quick-reply');
			chip.type = 'button';
			chip.dataset.testid = 'quick-reply';
			if (q.imageUrl) {
				const icon = el('img');
				icon.src = q.imageUrl;
				icon.alt = '';
				chip.append(icon);
			}
			chip.append(document.createTextNode(q.title || ''));
			chip.addEventListener('click', () => act({ kind: 'quick_reply', text: q.title, payload: q.payload || '' }, q.title));
			quickBar.append(chip);
		});
		thread.scrollTop = thread.scrollHeight;
	}

	// ---- talking to the sandbox ---------------------------------------------------------------

	async function act(action, label) {
		const at = Date.now();
		local.sent.push({ at, kind: action.kind, label: label || action.text || action.payload || action.kind });
		saveLocal();
		waitingSince = at;
		lastSignature = '';
		render();
		try {
			const response = await fetch('/__sandbox/user', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ via, from: psid, ...(via === 'meta' && pageId ? { page: pageId } : {}), ...action }),
			});
			const body = await response.json().catch(() => ({}));
			if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
			const status = body.delivery && body.delivery.status;
			if (status !== undefined && (status < 200 || status >= 300)) {
				throw new Error(`the webhook answered HTTP ${status}: ${String(body.delivery.responseBody || '').slice(0, 200)}`);
			}
			showError('');
		} catch (error) {
			waitingSince = 0;
			lastSignature = '';
			showError(`Could not deliver the message: ${error.message}`);
			render();
		}
		// A reply that never comes should not leave the dots forever.
		setTimeout(() => {
			if (waitingSince === at) {
				waitingSince = 0;
				lastSignature = '';
				render();
			}
		}, 15000);
	}

	async function poll() {
		try {
			const response = await fetch('/__sandbox/delivered', { cache: 'no-store' });
			if (response.ok) {
				delivered = (await response.json()).delivered || [];
				render();
			}
		} catch (_) {
			// the sandbox restarts; try again
		}
		setTimeout(poll, POLL_MS);
	}

	function showPage() {
		const page = pages.find((p) => p.id === pageId);
		if (page) $('page-name').textContent = page.name;
		document.title = `Messenger sandbox chat (${psid}${page && pages.length > 1 ? `, ${page.name}` : ''})`;
	}

	function switchPage(id) {
		if (id === pageId) return;
		pageId = id;
		const url = new URL(location.href);
		if (pageId === firstPageId()) url.searchParams.delete('page');
		else url.searchParams.set('page', pageId);
		history.replaceState(null, '', url);
		waitingSince = 0;
		lastSignature = '';
		showError('');
		loadLocal();
		showPage();
		render();
	}

	function setUpPages(meta) {
		pages = Pages.pagesOf(meta);
		// Only Meta delivers to a chosen page; the other providers' views stay on the first page.
		pageId = Pages.choosePage(pages, params.get('page'), via);
		if (via !== 'meta' || pages.length < 2) return;
		const picker = $('page-picker');
		pages.forEach((p) => {
			const option = el('option', '', p.name);
			option.value = p.id;
			picker.append(option);
		});
		picker.value = pageId;
		picker.addEventListener('change', () => switchPage(picker.value));
		$('page-picker-row').hidden = false;
	}

	async function start() {
		$('via-name').textContent = VIA_NAMES[via] || via;
		try {
			const config = await (await fetch('/__sandbox/config')).json();
			if (config.meta && config.meta.pageName) $('page-name').textContent = config.meta.pageName;
			setUpPages(config.meta);
			const users = config.users || [];
			if (!psid) psid = (users[0] && users[0].psid) || '7000000000000001';
			const user = users.find((u) => u.psid === psid);
			$('user-name').textContent = user ? `${user.firstName} ${user.lastName}` : psid;
		} catch (_) {
			if (!psid) psid = '7000000000000001';
		}
		loadLocal();
		showPage();
		$('composer').addEventListener('submit', (event) => {
			event.preventDefault();
			const text = input.value.trim();
			if (!text) return;
			input.value = '';
			act({ kind: 'text', text }, text);
		});
		$('clear').addEventListener('click', () => {
			local = { sent: [], since: Date.now() };
			saveLocal();
			lastSignature = '';
			render();
		});
		input.focus();
		poll();
	}

	start();
})();
