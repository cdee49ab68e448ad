// This provider in the Messenger Trigger's panel: its "Trigger On" list (the events ./inbound.ts
// produces) and the notices that say what to set up outside n8n. Static text: true whatever the
// credential holds.
import { TEXT_CHOICE, UNKNOWN_CHOICE } from '../trigger-choices';
import type { TriggerDescription } from '../types';

export const INFOBIP_TRIGGER: TriggerDescription = {
	events: {
		options: [
			{ name: 'Attachment', value: 'attachment', description: 'Image, audio, video, file or location from the user' },
			{ name: 'Postback', value: 'postback', description: 'A button tap' },
			{ name: 'Quick Reply', value: 'quick_reply', description: 'A quick-reply tap' },
			TEXT_CHOICE,
			UNKNOWN_CHOICE,
		],
		default: ['text', 'attachment', 'quick_reply', 'postback'],
		description: 'Which forwarded messages start the workflow (one item each). Others are acknowledged and dropped.',
	},
	notices: [
		{
			name: 'infobipNotice',
			text: 'Infobip has no API to register this URL: in the Infobip portal, open the Facebook configuration of your Infobip application, set its Action to Forward and paste the Production URL above. Infobip does not sign its calls and can only call a URL, so choose an Authentication below that fits in the URL.',
		},
		{
			name: 'infobipTypesNotice',
			text: "Infobip documents only text messages for this API. Media types are inferred from Infobip's send API, and a button or quick-reply tap arrives as text: its payload is in the item's Callback Data.",
		},
	],
	// Infobip's forward is a URL in its portal and cannot add a header, so version 3 does not offer
	// Header Secret for it. A saved node that has it keeps working (MessengerTrigger/configuration.ts reads it).
	headerSecret: false,
};
