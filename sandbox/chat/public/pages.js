// The chat page's page logic, kept apart from the DOM so a Node test can run it: which pages the app
// has (config.meta.pageId first, then additionalPages), which delivered messages belong to the
// conversation on screen, and where that conversation is kept in sessionStorage.
'use strict';
(function (root) {
	/** [{id, name}], the first page first; [] when the config has no Meta page. */
	function pagesOf(meta) {
		if (!meta || !meta.pageId) return [];
		const more = (meta.additionalPages || []).map((p) => ({ id: String(p.id), name: p.name || String(p.id) }));
		return [{ id: String(meta.pageId), name: meta.pageName || String(meta.pageId) }, ...more];
	}

	/** The page to show: the wanted one when the app has it and the provider can pick one, else the first. */
	function choosePage(pages, wanted, via) {
		if (pages.length === 0) return '';
		if (via === 'meta' && pages.some((p) => p.id === wanted)) return wanted;
		return pages[0].id;
	}

	/**
	 * The delivered messages of one conversation: to `psid`, from `pageId`, not before `since`. Messages
	 * without a page (Infobip, CM.com) belong to the first page.
	 */
	function messagesFor(delivered, { psid, pageId, firstPageId, since }) {
		const page = pageId || firstPageId;
		return delivered.filter((d) => d.recipient === psid && d.at >= (since || 0) && (d.pageId || firstPageId) === page);
	}

	/** sessionStorage key of a conversation; the first page keeps the key the chat used before pages. */
	function storeKey(psid, via, pageId, firstPageId) {
		return `sandbox-chat:${psid}:${via}${pageId && pageId !== firstPageId ? `:${pageId}` : ''}`;
	}

	root.SandboxChatPages = { pagesOf, choosePage, messagesFor, storeKey };
})(typeof window !== 'undefined' ? window : globalThis);
