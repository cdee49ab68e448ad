// `npm run sandbox [-- --port 8787 --host 127.0.0.1 --meta-webhook-url URL --verify-token T
//                     --infobip-forward-url URL --infobip-messenger-inbound-url URL
//                     --infobip-messenger-report-url URL --cm-inbound-url URL --cm-status-url URL --seed N]`
// Starts the provider sandbox, prints its URL, the accounts and the admin endpoints; stops on SIGINT/SIGTERM.
import type { DeepPartial, SandboxConfig } from './core/types';
import { startSandbox } from './index';

const FLAGS = [
	'port',
	'host',
	'meta-webhook-url',
	'verify-token',
	'infobip-forward-url',
	'infobip-messenger-inbound-url',
	'infobip-messenger-report-url',
	'cm-inbound-url',
	'cm-status-url',
	'seed',
] as const;
type Flag = (typeof FLAGS)[number];

function usage(): string {
	return `usage: npm run sandbox -- [${FLAGS.map((f) => `--${f} <value>`).join('] [')}]`;
}

export function parseArgs(argv: string[]): Partial<Record<Flag, string>> {
	const out: Partial<Record<Flag, string>> = {};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--help' || arg === '-h') {
			console.log(usage());
			process.exit(0);
		}
		const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
		if (!m || !(FLAGS as readonly string[]).includes(m[1])) throw new Error(`unknown argument ${arg}\n${usage()}`);
		const value = m[2] ?? argv[++i];
		if (value === undefined) throw new Error(`--${m[1]} needs a value`);
		out[m[1] as Flag] = value;
	}
	return out;
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	const port = Number(args.port ?? 8787);
	if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`bad --port ${args.port}`);
	const config: DeepPartial<SandboxConfig> = { meta: {}, infobip: {}, cm: {} };
	if (args['meta-webhook-url']) config.meta!.webhookUrl = args['meta-webhook-url'];
	if (args['verify-token']) config.meta!.verifyToken = args['verify-token'];
	if (args['infobip-forward-url']) config.infobip!.forwardUrl = args['infobip-forward-url'];
	if (args['infobip-messenger-inbound-url'] || args['infobip-messenger-report-url']) config.infobip!.messengerApi = {};
	if (args['infobip-messenger-inbound-url']) config.infobip!.messengerApi!.inboundUrl = args['infobip-messenger-inbound-url'];
	if (args['infobip-messenger-report-url']) config.infobip!.messengerApi!.deliveryReportUrl = args['infobip-messenger-report-url'];
	if (args['cm-inbound-url']) config.cm!.inboundUrl = args['cm-inbound-url'];
	if (args['cm-status-url']) config.cm!.statusUrl = args['cm-status-url'];

	const sandbox = await startSandbox({ port, host: args.host ?? '127.0.0.1', config, seed: args.seed ? Number(args.seed) : undefined });
	const c = sandbox.config;
	const u = sandbox.url;
	console.log(`Messenger provider sandbox listening on ${u}

Infobip (Facebook API v1)   base URL ${u}
  API key          Authorization: App ${c.infobip.apiKey}
  basic auth       ${c.infobip.basicUser} / ${c.infobip.basicPassword}
  application key  ${c.infobip.applicationKeys.join(', ')}
  forward URL      ${c.infobip.forwardUrl ?? '(none: inbound goes to the pull inbox)'}
Infobip Messenger API       same base URL and credentials (/messenger/1/*, /messages-api/1/inbound)
  sender page ids  ${c.infobip.messengerApi.pageIds.join(', ')}
  inbound URL      ${c.infobip.messengerApi.inboundUrl ?? '(none: users via infobip-messages-pull go to the pull)'}
  report URL       ${c.infobip.messengerApi.deliveryReportUrl ?? '(none: reports wait for GET /messenger/1/reports)'}
  admin            ${u}/__sandbox/infobip-messenger/{incoming,delivery-report,seen-report,pull,sent,webhooks}
CM.com                      base URL ${u}
  product token    ${c.cm.productToken}
  page ids         ${c.cm.pageIds.join(', ')}
  inbound URL      ${c.cm.inboundUrl ?? '(none)'}
Meta Graph API              base URL ${u}/v26.0 (any vNN.N)
  page             ${c.meta.pageId} (${c.meta.pageName})
  page token       ${c.meta.pageAccessToken}
${(c.meta.additionalPages ?? []).map((p) => `  page             ${p.id} (${p.name})\n  page token       ${p.accessToken}\n`).join('')}${c.meta.systemUser ? `  system user      ${c.meta.systemUser.id} (${c.meta.systemUser.name}), token ${c.meta.systemUser.accessToken}  (GET /me/accounts)\n` : ''}  app id / secret  ${c.meta.appId} / ${c.meta.appSecret}  (appsecret_proof ${c.meta.requireAppsecretProof ? 'required' : 'optional'})
  webhook URL      ${c.meta.webhookUrl ?? '(none: set by POST /{app-id}/subscriptions)'}${c.meta.verifyToken ? `  verify token ${c.meta.verifyToken}` : ''}
Users (PSID / user key)     ${c.users.map((x) => `${x.psid} ${x.firstName} ${x.lastName}`).join(', ')}

Admin API
  GET    ${u}/__sandbox/config      PATCH ${u}/__sandbox/config (deep merge)
  GET    ${u}/__sandbox/log?since=N DELETE ${u}/__sandbox/log
  GET    ${u}/__sandbox/delivered   DELETE ${u}/__sandbox/delivered
  POST   ${u}/__sandbox/faults      GET/DELETE ${u}/__sandbox/faults
  POST   ${u}/__sandbox/user        {"via":"meta","from":"${c.users[0]?.psid ?? '7000000000000001'}","kind":"text","text":"Hi"} (+ "page":"<page-id>")
  POST   ${u}/__sandbox/reset       GET ${u}/__sandbox/health
  GET    ${u}/__sandbox/meta/pages  POST ${u}/__sandbox/meta/pages/<page-id>/expire-token | revoke | restore
Ctrl-C stops.`);

	let stopping = false;
	const stop = (signal: string) => {
		if (stopping) return;
		stopping = true;
		console.log(`\n${signal}: stopping the sandbox`);
		sandbox.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
	console.error(e instanceof Error ? e.message : e);
	process.exit(1);
});
