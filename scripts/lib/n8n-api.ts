// A small client for a real n8n 2.x server: the owner account and API key over the internal REST API
// (the only way to create them), everything else over the public API (/api/v1) with that key.
export interface Owner {
	email: string;
	firstName: string;
	lastName: string;
	password: string;
}

export interface N8nExecution {
	id: string;
	finished: boolean;
	mode: string;
	status: string;
	workflowId: string;
	startedAt: string;
	stoppedAt: string | null;
	data?: {
		resultData: {
			runData: Record<string, Array<{ data?: { main: Array<Array<{ json: Record<string, unknown> }> | null> }; error?: { message: string } }>>;
			error?: { message: string };
		};
	};
}

export interface WorkflowJson {
	name: string;
	nodes: unknown[];
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

export class N8nApiError extends Error {
	constructor(
		message: string,
		readonly status: number,
		readonly body: string,
	) {
		super(message);
	}
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class N8nApi {
	cookie = '';

	apiKey = '';

	constructor(readonly baseUrl: string) {}

	private async call(method: string, path: string, body: unknown, headers: Record<string, string>): Promise<{ status: number; text: string; response: Response }> {
		const response = await fetch(`${this.baseUrl}${path}`, {
			method,
			headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(60_000),
		});
		return { status: response.status, text: await response.text(), response };
	}

	/** Internal REST API (`/rest/...`), authenticated with the owner's session cookie. */
	async rest<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
		const { status, text } = await this.call(method, `/rest${path}`, body, this.cookie ? { cookie: this.cookie } : {});
		if (status >= 400) throw new N8nApiError(`${method} /rest${path}: HTTP ${status} ${text.slice(0, 300)}`, status, text);
		const json = text ? (JSON.parse(text) as { data?: T }) : {};
		return (json.data ?? json) as T;
	}

	/** Public API (`/api/v1/...`), authenticated with the API key. */
	async api<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
		const { status, text } = await this.call(method, `/api/v1${path}`, body, { 'X-N8N-API-KEY': this.apiKey });
		if (status >= 400) throw new N8nApiError(`${method} /api/v1${path}: HTTP ${status} ${text.slice(0, 300)}`, status, text);
		return (text ? JSON.parse(text) : {}) as T;
	}

	private keepCookie(response: Response): void {
		const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('n8n-auth='));
		if (setCookie) this.cookie = setCookie.split(';')[0];
	}

	/** Sets up the owner on a fresh instance, or logs in as that owner when one exists already. */
	async ownerSession(owner: Owner): Promise<void> {
		const setup = await this.call('POST', '/rest/owner/setup', owner, {});
		if (setup.status < 300) {
			this.keepCookie(setup.response);
			return;
		}
		const login = await this.call('POST', '/rest/login', { emailOrLdapLoginId: owner.email, password: owner.password }, {});
		if (login.status >= 300) {
			throw new N8nApiError(`n8n owner setup (HTTP ${setup.status}) and login (HTTP ${login.status}) both failed: ${login.text.slice(0, 300)}`, login.status, login.text);
		}
		this.keepCookie(login.response);
	}

	/** A fresh API key with every scope the instance offers; earlier keys with the same label are removed. */
	async createApiKey(label: string): Promise<string> {
		const listed = await this.rest<{ items: Array<{ id: string; label: string }> } | Array<{ id: string; label: string }>>('GET', '/api-keys');
		const existing = Array.isArray(listed) ? listed : listed.items;
		for (const key of existing.filter((k) => k.label === label)) await this.rest('DELETE', `/api-keys/${key.id}`);
		const scopes = await this.rest<string[]>('GET', '/api-keys/scopes');
		const created = await this.rest<{ rawApiKey: string }>('POST', '/api-keys', { label, scopes, expiresAt: null });
		this.apiKey = created.rawApiKey;
		return this.apiKey;
	}

	async createCredential(name: string, type: string, data: Record<string, unknown>): Promise<string> {
		const created = await this.api<{ id: string }>('POST', '/credentials', { name, type, data });
		return created.id;
	}

	/** Deletes the owner's credentials with this name (the public API cannot list them; the internal one can). */
	async deleteCredentialsNamed(name: string): Promise<void> {
		const all = await this.rest<Array<{ id: string; name: string }>>('GET', '/credentials');
		for (const credential of all.filter((c) => c.name === name)) await this.api('DELETE', `/credentials/${credential.id}`);
	}

	async createWorkflow(workflow: WorkflowJson): Promise<string> {
		const { name, nodes, connections, settings } = workflow;
		const created = await this.api<{ id: string }>('POST', '/workflows', { name, nodes, connections, settings: settings ?? { executionOrder: 'v1' } });
		return created.id;
	}

	async workflowsNamed(name: string): Promise<Array<{ id: string; active: boolean }>> {
		const list = await this.api<{ data: Array<{ id: string; name: string; active: boolean }> }>('GET', `/workflows?name=${encodeURIComponent(name)}&limit=250`);
		return list.data.filter((w) => w.name === name);
	}

	/**
	 * Deletes a workflow, unpublishing it first when it is active. Unpublishing finishes in the
	 * background (the trigger's webhooks are removed), and n8n answers 409 until it has.
	 */
	async deleteWorkflow(id: string, timeoutMs = 30_000): Promise<void> {
		const { active } = await this.api<{ active: boolean }>('GET', `/workflows/${id}`);
		if (active) await this.deactivate(id);
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			try {
				await this.api('DELETE', `/workflows/${id}`);
				return;
			} catch (error) {
				if (!(error instanceof N8nApiError) || error.status !== 409 || Date.now() > deadline) throw error;
				await sleep(200);
			}
		}
	}

	/** Activates (publishes) a workflow; n8n runs the trigger's webhook registration before it answers. */
	async activate(id: string): Promise<void> {
		await this.api('POST', `/workflows/${id}/activate`);
	}

	async deactivate(id: string): Promise<void> {
		await this.api('POST', `/workflows/${id}/deactivate`);
	}

	async executions(workflowId: string, includeData = false): Promise<N8nExecution[]> {
		const list = await this.api<{ data: N8nExecution[] }>('GET', `/executions?workflowId=${workflowId}&includeData=${includeData}&limit=250`);
		return list.data;
	}

	/** Waits until `count` executions of the workflow have finished (n8n saves them after the run). */
	async waitForExecutions(workflowId: string, count: number, timeoutMs = 30_000): Promise<N8nExecution[]> {
		const deadline = Date.now() + timeoutMs;
		let last: N8nExecution[] = [];
		while (Date.now() < deadline) {
			last = (await this.executions(workflowId, true)).filter((e) => e.stoppedAt !== null);
			if (last.length >= count) return last.sort((a, b) => Number(a.id) - Number(b.id));
			await sleep(200);
		}
		throw new Error(`expected ${count} finished executions of workflow ${workflowId}, found ${last.length} after ${timeoutMs} ms`);
	}
}
