/**
 * 4. Triggers at scale (`npm run bench -- triggers`): one poll of every trigger event for accounts of 100, 10,000 and
 * 100,000 records, after 0, 5 and 500 new ones: requests per poll (counted by the sandbox, logins left out) and the
 * size of the workflow's static data (bytes of JSON) the poll leaves. Counting, not timing: reliable on a loaded machine.
 *
 * Each (event, account size) gets a fresh sandbox in this process, seeded in bulk; the trigger is armed (first poll),
 * then 0, 5 and 500 records are added and one poll follows each, from the cursor the one before left. Every poll must
 * emit exactly the new records. "Before" is what the triggers did until this issue (and what a workflow polling with
 * the HTTP Request node would do): read the whole list and keep every id; its requests and bytes are computed from the
 * same sandbox (ceil(records ÷ page) and the JSON of every id), not measured.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { pollTrigger, type NodeUnderTest } from '../../test/helpers/n8n';
import { startFiskalySandbox, type FiskalySandbox } from '../../test/sandbox/fiskaly';
import { startInvoicingApiSandbox } from '../../test/sandbox/invoicing-api';
import { startTheNextInvoiceSandbox, type TheNextInvoiceSandbox } from '../../test/sandbox/thenextinvoice';
import {
	FiskalyManagementApi,
	FiskalyManagementTrigger,
	fiskalyTokens,
	InvoicingApiCredential,
	InvoicingApiTrigger,
	invoicingTokens,
	TheNextInvoiceApi,
	TheNextInvoiceTrigger,
} from '../ours';
import { seconds, verdict, type ResultRow } from '../report';

const SIZES = (process.env.BENCH_TRIGGER_SIZES ?? '100,10000,100000').split(',').map(Number);
const NEW = [0, 5, 500];
/**
 * The Invoicing API has no list: a poll asks every watched invoice, so 100,000 watched invoices are 100,000 requests per
 * poll (four polls: some 10 to 30 minutes here). Larger accounts are only run when BENCH_INVOICING_MAX allows them.
 */
const INVOICING_MAX = Number(process.env.BENCH_INVOICING_MAX ?? 10_000);

interface Poll {
	items: IDataObject[] | null;
	staticData: IDataObject;
	requests: number;
}

/** One account of one event: poll it, add records, and say what the old way (whole list, every id) would cost. */
interface Account {
	poll(staticData: IDataObject | undefined): Promise<Poll>;
	/** Adds `count` new records (or events); returns the keys the trigger must emit for them (see EventCase.emitted). */
	add(count: number): string[];
	before(): { requests: number; bytes: number };
	close(): Promise<void>;
}

interface EventCase {
	figure: string;
	/** `ordered`: read newest first, stop at the cursor (target ceil(new ÷ page) + 1, constant cursor). */
	kind: 'ordered' | 'bounded';
	page: number;
	/** Requests a poll may take with `added` new records, and the largest cursor, for the verdict. */
	limit: (added: number, size: number) => { requests: number; bytes?: number };
	target: string;
	/** The key of an emitted item, compared with what `add` returned. */
	emitted: (item: IDataObject) => string;
	account: (size: number) => Promise<Account>;
	/** Largest account size that is run (a row saying so stands for the larger ones). */
	maxSize?: number;
}

const bytes = (data: unknown) => Buffer.byteLength(JSON.stringify(data ?? {}));
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const oldCursor = (key: string, ids: string[]) => bytes({ key, seen: ids });

// ------------------------------------------------------------------------------------------------ TheNextInvoice

type TniEvent = 'newInvoice' | 'newCustomer' | 'newNotification' | 'invoicePaid' | 'invoicePastDue';

async function tniAccount(event: TniEvent, size: number): Promise<Account> {
	const sandbox: TheNextInvoiceSandbox = await startTheNextInvoiceSandbox({});
	const { control, state } = sandbox;
	const company = sandbox.companyIds[0];
	const pastDue = { meta: { currency: 'EUR', language: 'nl', sendDate: day(-40), dueDate: day(-10) } };
	const paid = (ids: number[]) => {
		for (const id of ids) control.markPaid(id, { notify: false });
		return ids;
	};
	const seed = (count: number): number[] => {
		if (event === 'newCustomer') return control.bulkCustomers(count);
		if (event === 'newNotification') return Array.from({ length: count }, (_, i) => Number(control.addNotification({ message: `Bulk notification ${i}` }).id));
		if (event === 'invoicePastDue') return control.bulkInvoices(count, pastDue);
		if (event === 'invoicePaid') return paid(control.bulkInvoices(count));
		return control.bulkInvoices(count);
	};
	seed(size);
	const node: NodeUnderTest = {
		nodeType: new TheNextInvoiceTrigger(),
		typeName: 'theNextInvoiceTrigger',
		credentialTypes: [new TheNextInvoiceApi()],
		credentials: { theNextInvoiceApi: { apiToken: sandbox.apiToken, baseUrl: sandbox.baseUrl } },
	};
	const listIds = (): string[] => {
		if (event === 'newCustomer') return [...state.customers.values()].filter((c) => c.companyId === company).map((c) => String(c.id));
		if (event === 'newNotification') return [...state.notifications.values()].filter((n) => n.companyId === company).map((n) => String(n.id));
		const invoices = [...state.invoices.values()].filter((i) => i.companyId === company && i.kind === 'invoice' && i.status === 1 && !i.deleted);
		if (event === 'invoicePaid') return invoices.filter((i) => i.payment).map((i) => String(i.id));
		if (event === 'invoicePastDue') return invoices.filter((i) => !i.payment && String(i.meta.dueDate) < day(0)).map((i) => String(i.id));
		return invoices.map((i) => String(i.id));
	};
	return {
		poll: async (staticData) => await countedPoll(sandbox, node, { authentication: 'apiToken', event }, staticData, (r) => r.path.startsWith('/api/')),
		add: (count) => seed(count).map(String),
		before: () => {
			const ids = listIds();
			// The old trigger read the whole list in pages of 100 (notifications: one answer) and kept every id.
			return { requests: event === 'newNotification' ? 1 : Math.max(1, Math.ceil(ids.length / 100)), bytes: oldCursor(event, ids) };
		},
		close: async () => await sandbox.close(),
	};
}

// ------------------------------------------------------------------------------------------------ fiskaly

type FiskalyEvent = 'newApiKey' | 'newOrganization' | 'newUser';

async function fiskalyAccount(event: FiskalyEvent, size: number): Promise<Account> {
	// The sandbox has its own organization, its API key and its owner user: seed one fewer of the watched kind.
	const sandbox: FiskalySandbox = await startFiskalySandbox({
		seedOrganizations: event === 'newOrganization' ? size - 1 : 0,
		seedApiKeys: event === 'newApiKey' ? size - 1 : 0,
		seedUsers: event === 'newUser' ? size - 1 : 0,
	});
	fiskalyTokens.clear();
	const own = sandbox.ownOrganizationId;
	const node: NodeUnderTest = {
		nodeType: new FiskalyManagementTrigger(),
		typeName: 'fiskalyManagementTrigger',
		credentialTypes: [new FiskalyManagementApi()],
		credentials: { fiskalyManagementApi: { apiKey: sandbox.apiKey, apiSecret: sandbox.apiSecret, baseUrl: sandbox.baseUrl } },
	};
	const parameters: INodeParameters = {
		event,
		...(event === 'newOrganization' ? {} : { organizationId: { __rl: true, mode: 'id', value: own } }),
		// Max Records Remembered is 100,000 by default: an account of 100,000 that grows fails the poll, as documented. Raised here.
		...(event === 'newApiKey' ? {} : { maxRemembered: Math.max(100_000, 2 * size) }),
	};
	const keysOfOwn = () => [...sandbox.state.apiKeys.values()].filter((k) => k.organization_id === own);
	const listIds = (): string[] => {
		if (event === 'newOrganization') return [...sandbox.state.organizations.keys()];
		if (event === 'newUser') return [...sandbox.state.users.values()].filter((u) => (u.organization_ids as string[]).includes(own)).map((u) => u._id as string);
		return keysOfOwn().map((k) => k._id as string);
	};
	return {
		poll: async (staticData) => await countedPoll(sandbox, node, parameters, staticData, (r) => !r.path.endsWith('/auth')),
		add: (count) => {
			if (event === 'newOrganization') return sandbox.seed({ organizations: count }).organizations;
			if (event === 'newUser') return sandbox.seed({ users: count }).users;
			// New keys created over the minute between two polls, after every key there is.
			const newest = Math.max(...keysOfOwn().map((k) => Number(k.created_at)));
			return sandbox.seed({ apiKeys: count, apiKeyCreatedAt: (i) => newest + 1 + Math.floor((i * 60) / Math.max(1, count)) }).apiKeys;
		},
		before: () => {
			const ids = listIds();
			return { requests: Math.max(1, Math.ceil(ids.length / (event === 'newApiKey' ? 100 : 5000))), bytes: oldCursor(`${event}:${event === 'newOrganization' ? '' : own}`, ids) };
		},
		close: async () => await sandbox.close(),
	};
}

// ------------------------------------------------------------------------------------------------ Invoicing API

async function invoicingAccount(size: number): Promise<Account> {
	const sandbox = await startInvoicingApiSandbox({});
	invoicingTokens.clear();
	const watched = sandbox.control.bulkSent(size, 'INV');
	const node: NodeUnderTest = {
		nodeType: new InvoicingApiTrigger(),
		typeName: 'invoicingApiTrigger',
		credentialTypes: [new InvoicingApiCredential()],
		credentials: {
			invoicingApi: { baseUrl: sandbox.baseUrl, authentication: 'clientCredentials', authUrl: sandbox.tokenUrl, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret },
		},
	};
	let delivered = 0;
	return {
		poll: async (staticData) => await countedPoll(sandbox, node, { customInvoiceIds: watched.join('\n') }, staticData, (r) => r.path.startsWith('/api/')),
		add: (count) => {
			const ids = watched.slice(delivered, delivered + count);
			delivered += count;
			for (const id of ids) sandbox.control.markDelivered(id);
			return ids.map((id) => `${id} delivered`);
		},
		before: () => ({
			// The old cursor kept the events of every watched invoice, also those with none.
			requests: watched.length,
			bytes: bytes({ emitted: Object.fromEntries(watched.map((id, i) => [id, i < delivered ? ['delivered'] : []])), paid: [] }),
		}),
		close: async () => await sandbox.close(),
	};
}

/** One poll; the requests the sandbox received for it (`counts` leaves out logins). */
async function countedPoll(
	sandbox: { requests: Array<{ method: string; path: string }>; clearRequests: () => void },
	node: NodeUnderTest,
	parameters: INodeParameters,
	staticData: IDataObject | undefined,
	counts: (request: { method: string; path: string }) => boolean,
): Promise<Poll> {
	sandbox.clearRequests();
	const { items, staticData: after } = await pollTrigger(node, { requestOptions: {}, ...parameters }, { staticData: staticData ? (JSON.parse(JSON.stringify(staticData)) as IDataObject) : undefined });
	const requests = sandbox.requests.filter(counts).length;
	sandbox.clearRequests();
	return { items, staticData: after, requests };
}

// ------------------------------------------------------------------------------------------------ the cases

const tni = (event: TniEvent, figure: string, rest: Omit<EventCase, 'figure' | 'account' | 'emitted'>): EventCase => ({
	figure: `TheNextInvoice ${figure}`,
	emitted: (item) => String(item.id),
	account: async (size) => await tniAccount(event, size),
	...rest,
});
const fiskaly = (event: FiskalyEvent, figure: string, rest: Omit<EventCase, 'figure' | 'account' | 'emitted'>): EventCase => ({
	figure: `fiskaly ${figure}`,
	emitted: (item) => String(item._id),
	account: async (size) => await fiskalyAccount(event, size),
	...rest,
});
const ordered = (added: number, page: number) => Math.ceil(added / page) + 1;
/** A cursor of "constant size": the key and a number or two (a few digits more as ids grow). */
const CONSTANT_CURSOR_BYTES = 80;

const CASES: EventCase[] = [
	tni('newInvoice', 'New Invoice (invoices by id, newest first; plus the open drafts)', {
		kind: 'ordered',
		page: 100,
		// One more request than the invoices need: the drafts list (here none; at most 10 pages, the newest 1,000 drafts).
		limit: (added) => ({ requests: ordered(added, 100) + 1, bytes: CONSTANT_CURSOR_BYTES }),
		target: 'ceil(new ÷ 100) + 1 invoice pages (+ 1 page of drafts); constant cursor',
	}),
	tni('newCustomer', 'New Customer (by id, newest first)', {
		kind: 'ordered',
		page: 100,
		limit: (added) => ({ requests: ordered(added, 100), bytes: CONSTANT_CURSOR_BYTES }),
		target: 'ceil(new ÷ 100) + 1; constant cursor',
	}),
	tni('newNotification', 'New Notification (by id; the list has no pages)', {
		kind: 'ordered',
		page: Number.POSITIVE_INFINITY,
		limit: () => ({ requests: 1, bytes: CONSTANT_CURSOR_BYTES }),
		target: '1 (the vendor sends the whole list in one answer: its size grows with the list); constant cursor',
	}),
	tni('invoicePaid', 'Invoice Paid (no order by payment: the newest 1,000 paid invoices by id)', {
		kind: 'bounded',
		page: 100,
		limit: () => ({ requests: 10, bytes: 1000 * 12 + 100 }),
		target: 'bound: ≤ 10 requests, ≤ 1,000 ids kept; a payment of an invoice further back is missed',
	}),
	tni('invoicePastDue', 'Invoice Past Due (no order by due date: the newest 1,000 past-due invoices by id)', {
		kind: 'bounded',
		page: 100,
		limit: () => ({ requests: 10, bytes: 1000 * 12 + 100 }),
		target: 'bound: ≤ 10 requests, ≤ 1,000 ids kept; an invoice further back falling due is missed',
	}),
	fiskaly('newApiKey', 'New API Key (created_at, newest first; ids within the 60 s lookback kept)', {
		kind: 'ordered',
		page: 100,
		// The cursor is the newest created_at plus the ids created within the lookback (here: the keys of the last minute).
		limit: (added) => ({ requests: ordered(added, 100), bytes: 120 + Math.max(added, 2) * 39 }),
		target: 'ceil(new ÷ 100) + 1; cursor: the mark + ids created in the 60 s below it',
	}),
	fiskaly('newOrganization', 'New Organization (no creation order: the whole list, fingerprints)', {
		kind: 'bounded',
		page: 5000,
		limit: (_added, size) => ({ requests: Math.ceil((size + 505) / 5000), bytes: (size + 505) * 8 + 200 }),
		target: 'bound: ceil(records ÷ 5,000) requests, 8 bytes per record (up to Max Records Remembered: 100,000 by default, raised to 200,000 for the account of 100,000)',
	}),
	fiskaly('newUser', 'New User (no creation order: the whole list, fingerprints)', {
		kind: 'bounded',
		page: 5000,
		limit: (_added, size) => ({ requests: Math.ceil((size + 505) / 5000), bytes: (size + 505) * 8 + 200 }),
		target: 'bound: ceil(records ÷ 5,000) requests, 8 bytes per record (up to Max Records Remembered: 100,000 by default, raised to 200,000 for the account of 100,000)',
	}),
	{
		figure: 'Invoicing API Delivered / Opened / Paid (no list endpoint: one status request per watched unpaid invoice)',
		kind: 'bounded',
		page: 1,
		limit: (_added, size) => ({ requests: size }),
		target: 'bound: one request per watched unpaid invoice; ids kept only for invoices with an event',
		emitted: (item) => `${String(item.customInvoiceId)} ${String(item.event)}`,
		account: async (size) => await invoicingAccount(size),
		maxSize: INVOICING_MAX,
	},
];

const kb = (value: number) => (value < 10_000 ? `${value} B` : `${(value / 1024).toFixed(0)} KB`);

export async function triggersScenario(log: (line: string) => void): Promise<ResultRow[]> {
	const rows: ResultRow[] = [];
	const wanted = process.env.BENCH_TRIGGER_CASES?.split(',');
	for (const c of CASES) {
		if (wanted && !wanted.some((w) => c.figure.includes(w))) continue;
		const cursorSizes: number[] = [];
		for (const size of SIZES) {
			if (c.maxSize !== undefined && size > c.maxSize) {
				rows.push({
					figure: `Trigger ${c.figure}: ${size.toLocaleString('en')} records`,
					ours: `not run (BENCH_INVOICING_MAX=${size} runs it): by construction ${size.toLocaleString('en')} requests per poll, one per watched unpaid invoice`,
					reference: `before: the same ${size.toLocaleString('en')} requests`,
					ratio: '—',
					target: c.target,
					verdict: '—',
					how: 'four polls of that many requests take too long for every bench run; the smaller accounts above show the count',
				});
				continue;
			}
			const account = await c.account(size);
			try {
				const armed = await account.poll(undefined);
				if (armed.items?.length && c.kind === 'ordered') throw new Error(`${c.figure}: the first poll emitted ${armed.items.length} records`);
				let cursor = armed.staticData;
				const polls: Array<{ added: number; requests: number; bytes: number; exact: boolean; within: boolean; ms: number }> = [];
				for (const added of NEW) {
					const expected = account.add(added);
					const started = Date.now();
					const poll = await account.poll(cursor);
					const ms = Date.now() - started;
					cursor = poll.staticData;
					const got = (poll.items ?? []).map(c.emitted);
					const exact = got.length === expected.length && [...got].sort().join('\n') === [...expected].sort().join('\n');
					const limit = c.limit(added, size);
					const size_ = bytes(cursor);
					polls.push({ added: expected.length, ms, requests: poll.requests, bytes: size_, exact, within: poll.requests <= limit.requests && (limit.bytes === undefined || size_ <= limit.bytes) });
					if (c.kind === 'ordered' && c.figure.startsWith('TheNextInvoice')) cursorSizes.push(size_);
				}
				const before = account.before();
				const pass = polls.every((p) => p.exact && p.within);
				const summary = polls.map((p) => `${p.added} new: ${p.requests} req, ${kb(p.bytes)}${p.exact ? '' : ' (NOT each once)'}`).join('; ');
				log(`${c.figure}, ${size} records: first poll ${armed.requests} req, ${kb(bytes(armed.staticData))}; ${summary}; before: ${before.requests} req, ${kb(before.bytes)}; poll times ${polls.map((p) => seconds(p.ms)).join(', ')}`);
				rows.push({
					figure: `Trigger ${c.figure}: ${size.toLocaleString('en')} records`,
					ours: summary,
					reference: `before (whole list, every id; at the last poll): ${before.requests} req, ${kb(before.bytes)}`,
					ratio: '—',
					target: c.target,
					verdict: verdict(pass),
					how: `requests counted by the sandbox (logins left out), static data as JSON; first poll ${armed.requests} req; each poll also checked to emit exactly the new records`,
				});
			} finally {
				await account.close();
			}
		}
		if (cursorSizes.length && Math.max(...cursorSizes) - Math.min(...cursorSizes) > 16) {
			log(`${c.figure}: cursor sizes ${cursorSizes.join(', ')} bytes are not constant`);
			for (const row of rows.filter((r) => r.figure.includes(c.figure))) row.verdict = 'MISS';
		}
	}
	return rows;
}
