// The chat page's reading of what Infobip's Messenger API delivered (provider `infobip-messenger`,
// message {sender, content, quickReplies}; content schema FacebookOutboundContent of the Messenger
// OpenAPI) as the views chat.js renders: {kind:'text'|'media'|'buttons'|'cards', ...} plus the quick
// replies. Loaded before chat.js; defines window.messengerApiViews.
'use strict';
(function (global) {
	function button(b) {
		const type = String(b.type || '').toUpperCase();
		if (type === 'URL') return { title: b.title, type: 'url', url: b.url };
		if (type === 'CALL') return { title: b.title, type: 'call', phone: b.payload };
		return { title: b.title, type: 'postback', payload: b.payload };
	}

	function contentViews(c) {
		switch (c.type) {
			case 'TEXT':
			case 'OPT_IN_FOLLOWUP':
				return [{ kind: 'text', text: c.text }];
			case 'IMAGE':
			case 'AUDIO':
			case 'VIDEO':
				return [{ kind: 'media', type: c.type.toLowerCase(), url: c.url }];
			case 'DOCUMENT':
				return [{ kind: 'media', type: 'file', url: c.url }];
			case 'LOCATION': {
				const place = [c.name, c.address].filter(Boolean).join(', ');
				return [{ kind: 'text', text: `📍 ${place ? `${place} ` : ''}(${c.latitude}, ${c.longitude})` }];
			}
			case 'TEMPLATE': {
				const p = c.payload || {};
				if (p.type === 'GENERIC') {
					return [{
						kind: 'cards',
						cards: (p.elements || []).map((e) => ({ title: e.title, subtitle: e.subtitle, imageUrl: e.imageUrl, buttons: (e.buttons || []).map(button) })),
					}];
				}
				return [{ kind: 'buttons', text: p.text, buttons: (p.buttons || []).map(button) }];
			}
			case 'COMMENT':
			case 'POST':
				return contentViews(c.content || {});
			default:
				return [{ kind: 'text', text: `[${c.type || 'unknown'} message]` }];
		}
	}

	function quickReply(q) {
		if (q.type === 'PHONE_NUMBER') return { title: 'Phone number', payload: 'PHONE_NUMBER' };
		if (q.type === 'EMAIL') return { title: 'Email', payload: 'EMAIL' };
		return { title: q.title, payload: q.payload, imageUrl: q.imageUrl };
	}

	global.messengerApiViews = function messengerApiViews(message) {
		const m = message || {};
		return { views: contentViews(m.content || {}), quickReplies: (m.quickReplies || []).map(quickReply) };
	};
})(window);
