// The notices at the top of the trigger: what the user must do outside n8n for the chosen provider.
// A notice is static text: it cannot read the credential, so each one must be true whatever the
// credential holds, and say the steps itself rather than point elsewhere.
import type { INodeProperties } from 'n8n-workflow';

import { PROVIDERS } from '../../shared/providers';
import type { TriggerNotice } from '../../shared/providers';
import { BEFORE_SAFE_DEFAULTS, PANEL_ORDER, SAFE_DEFAULTS } from './display';

const VERSIONS = { beforeSafeDefaults: BEFORE_SAFE_DEFAULTS, safeDefaults: SAFE_DEFAULTS } as const;

function notice(provider: string, { name, text, when = {} }: TriggerNotice): INodeProperties {
	const show: NonNullable<INodeProperties['displayOptions']>['show'] = { provider: [provider] };
	if (when.versions) show['@version'] = VERSIONS[when.versions];
	if (when.registerWebhook === false) show.registerWebhook = [false];
	return { displayName: text, name, type: 'notice', default: '', displayOptions: { show } };
}

/** Each provider's notices (its registry row), the default provider's first. */
export const noticeProperties: INodeProperties[] = PANEL_ORDER.flatMap((provider) =>
	PROVIDERS[provider].inbound.trigger.notices.map((entry) => notice(provider, entry)),
);
