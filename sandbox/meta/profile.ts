// `GET|POST|DELETE /{v}/{me|page-id}/messenger_profile` (route id `meta.messenger_profile`), page token
// (providers.md; Meta's Messenger Profile API page). Each page has its own profile.
//
// POST with one or more properties → {result:"success"} (each given property replaces the stored one;
// a persistent_menu needs a get_started button, stored or in the same request, as documented).
// GET ?fields=a,b (required) → {data:[{...set properties}]}, or {data:[]} when none of them is set.
// DELETE with fields=[...] (JSON body, form or query) → {result:"success"}.
// `platform` (messenger | instagram) is accepted and ignored.
import type { SandboxContext, SandboxRequest, SandboxResponse } from '../core/types';
import { authenticatePage } from './auth';
import { fail, oneOf, stringList } from './fields';
import { MESSENGER_PROFILE_FIELDS } from './limits';
import { graphParams, withoutAuth } from './params';
import { PROFILE_VALIDATORS } from './profile-validate';
import type { MetaState } from './state';

const KNOWN = MESSENGER_PROFILE_FIELDS as readonly string[];

function fieldList(v: unknown, required: boolean): string[] {
	if (v === undefined || v === '') {
		if (required) fail(`(#100) The parameter fields is required (some of ${KNOWN.join(', ')})`);
		return [];
	}
	const fields = stringList(v, 'fields');
	fields.forEach((f, i) => {
		if (!KNOWN.includes(f)) fail(`(#100) Param fields[${i}] must be one of {${KNOWN.join(', ')}} - got "${f}"`);
	});
	return fields;
}

export function handleMessengerProfile(req: SandboxRequest, ctx: SandboxContext, state: MetaState): SandboxResponse {
	const meta = ctx.config.meta;
	const params = graphParams(req);
	const profile = state.profileOf(authenticatePage(req, params, meta, state, req.params.node));
	const rest = withoutAuth(params);
	oneOf(rest, 'platform', '', ['messenger', 'instagram'], false);
	delete rest.platform;

	if (req.method === 'GET') {
		for (const key of Object.keys(rest)) if (key !== 'fields') fail(`(#100) Param ${key} is not a valid parameter`);
		const fields = fieldList(rest.fields, true);
		const out: Record<string, unknown> = {};
		for (const f of fields) if (profile[f] !== undefined) out[f] = profile[f];
		return { status: 200, body: { data: Object.keys(out).length > 0 ? [out] : [] } };
	}

	if (req.method === 'DELETE') {
		for (const key of Object.keys(rest)) if (key !== 'fields') fail(`(#100) Param ${key} is not a valid parameter`);
		for (const f of fieldList(rest.fields, true)) delete profile[f];
		return { status: 200, body: { result: 'success' } };
	}

	const keys = Object.keys(rest);
	for (const key of keys) if (!KNOWN.includes(key)) fail(`(#100) Param ${key} is not a valid parameter (one of ${KNOWN.join(', ')})`);
	if (keys.length === 0) fail(`(#100) Requires one of the params: ${KNOWN.join(', ')}`);
	for (const key of keys) PROFILE_VALIDATORS[key](rest[key]);
	if (rest.persistent_menu !== undefined && rest.get_started === undefined && profile.get_started === undefined) {
		fail('(#100) You must set a Get Started button if you also wish to use persistent menu.');
	}
	for (const key of keys) profile[key] = structuredClone(rest[key]);
	return { status: 200, body: { result: 'success' } };
}
