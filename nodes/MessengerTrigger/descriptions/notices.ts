// The notices at the top of the trigger: what the user must do outside n8n for the chosen provider.
// A notice is static text: it cannot read the credential, so each one must be true whatever the
// credential holds, and say the steps itself rather than point elsewhere.
import type { INodeProperties } from 'n8n-workflow';

import { BEFORE_SAFE_DEFAULTS, SAFE_DEFAULTS, show, showFrom } from './display';

const notice = (name: string, displayName: string, displayOptions: INodeProperties['displayOptions']): INodeProperties => ({
	displayName,
	name,
	type: 'notice',
	default: '',
	displayOptions,
});

export const noticeProperties: INodeProperties[] = [
	notice(
		'signatureNotice',
		'Meta signs each delivery with the app secret. This trigger checks the X-Hub-Signature-256 header when the Facebook Page credential has an App Secret, and takes deliveries unchecked when it has none: add one so that only Meta can start the workflow.',
		showFrom(['meta'], BEFORE_SAFE_DEFAULTS).displayOptions,
	),
	notice(
		'signatureNotice',
		'Meta signs each delivery with the app secret, and the trigger checks X-Hub-Signature-256 with the App Secret of the Facebook Page credential. Without one it does not activate, unless you turn on Skip Signature Check below.',
		showFrom(['meta'], SAFE_DEFAULTS).displayOptions,
	),
	notice(
		'manualSetupNotice',
		"Register Webhook With Meta is off, so set the webhook up in your Meta app's dashboard. Activate this workflow first (Meta calls the URL to verify it), then in Messenger > Settings, under Configure webhooks, paste the Production URL above as the Callback URL and the credential's Webhook Verify Token as the Verify Token, and add subscriptions for your page with the fields of the events below (messages, messaging_postbacks...).",
		{ show: { provider: ['meta'], registerWebhook: [false] } },
	),
	notice(
		'infobipNotice',
		'Infobip has no API to register this URL: in the Infobip portal, open the Facebook configuration of your Infobip application, set its Action to Forward and paste the Production URL above. Infobip does not sign its calls and can only call a URL, so choose an Authentication below that fits in the URL.',
		show(['infobip']).displayOptions,
	),
	notice(
		'infobipTypesNotice',
		"Infobip documents only text messages for this API. Media types are inferred from Infobip's send API, and a button or quick-reply tap arrives as text: its payload is in the item's Callback Data.",
		show(['infobip']).displayOptions,
	),
	notice(
		'cmNotice',
		'CM.com has no API to register this URL: paste the Production URL above as the inbound (MO) and/or status report webhook of your Facebook Messenger channel in the CM.com Channels app. CM.com does not sign its calls and can only call a URL, so choose an Authentication below that fits in the URL.',
		show(['cm']).displayOptions,
	),
];
