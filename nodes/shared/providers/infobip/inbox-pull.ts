import type { InboxPull } from '../types';
import { baseUrlOf } from '../util';
import { parseInfobipPage } from './inbound';

/** Seed 000: `GET /facebook/1/inbox/reports?limit=`; Infobip hands each message out once. */
export const INFOBIP_INBOX_PULL: InboxPull = {
	description: "Infobip's 2016 Facebook API inbox, GET /facebook/1/inbox/reports (what version 1 of this node pulls)",
	maxLimit: 1000,
	buildPullRequest: (credentials, limit, timeout) => ({
		method: 'GET',
		url: `${baseUrlOf(credentials)}/facebook/1/inbox/reports`,
		qs: { limit },
		json: true,
		timeout,
	}),
	parsePage: parseInfobipPage,
};
