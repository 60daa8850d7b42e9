/** Initial sandbox state and the conversions between stored records and what goes over the wire. */
import { newUuid, omitFields, randomToken } from '../framework';
import {
	SANDBOX_USER_ID,
	type FiskalyState,
	type StoredApiKey,
	type StoredOrganization,
	type StoredUser,
} from './context';

export interface InitialStateSettings {
	apiKey: string;
	apiSecret: string;
	seedOrganizations: number;
	seedApiKeys?: number;
	seedUsers?: number;
}

/** What `seedRecords` adds (bulk, straight into the maps: 100,000 records take well under a second or two). */
export interface SeedRequest {
	/** Plain organizations 'Bulk Org <n>'. */
	organizations?: number;
	/** API keys of `organizationId` (default: the caller's own organization). */
	apiKeys?: number;
	/** Users who are members of `organizationId`. */
	users?: number;
	organizationId?: string;
	/** created_at (unix seconds) of the i-th API key (0-based); default: now for every key. */
	apiKeyCreatedAt?: (index: number) => number;
}

let bulkCounter = 0;

/** Adds many records at once without going through the API (benchmarks, trigger tests). Returns the new ids. */
export function seedRecords(state: FiskalyState, ownOrganizationId: string, request: SeedRequest): { organizations: string[]; apiKeys: string[]; users: string[] } {
	const added = { organizations: [] as string[], apiKeys: [] as string[], users: [] as string[] };
	for (let i = 0; i < (request.organizations ?? 0); i++) {
		const n = ++bulkCounter;
		const record = newOrganizationRecord({ name: `Bulk Org ${n}`, address_line1: `Bulkweg ${n}`, zip: String(10000 + (n % 90000)), town: 'Berlin', country_code: 'DEU' });
		state.organizations.set(record._id, record);
		added.organizations.push(record._id);
	}
	const organization = state.organizations.get(request.organizationId ?? ownOrganizationId);
	if (!organization && (request.apiKeys || request.users)) throw new Error(`seed: organization ${request.organizationId} does not exist`);
	const now = Math.floor(Date.now() / 1000);
	for (let i = 0; i < (request.apiKeys ?? 0); i++) {
		const n = ++bulkCounter;
		const record = newApiKeyRecord(organization!, { name: `bulk-key-${n}`, status: 'enabled', key: `test_bulk_${n}`, secret: `bulk_secret_${n}` });
		record.created_at = request.apiKeyCreatedAt?.(i) ?? now;
		state.apiKeys.set(record._id, record);
		added.apiKeys.push(record._id);
	}
	for (let i = 0; i < (request.users ?? 0); i++) {
		const n = ++bulkCounter;
		const record: StoredUser = { _id: newUuid(), _type: 'USER', _envs: ['TEST'], email: `bulk.user.${n}@example.com`, first_name: 'Bulk', last_name: `User ${n}`, organization_ids: [organization!._id] };
		state.users.set(record._id, record);
		added.users.push(record._id);
	}
	return added;
}

/**
 * The caller's own organization with the sandbox API key and its owner user, plus `seedOrganizations`
 * plain organizations written straight into the maps (10,000 take a few milliseconds).
 */
export function createFiskalyState(settings: InitialStateSettings): { state: FiskalyState; ownOrganizationId: string } {
	const state: FiskalyState = {
		organizations: new Map(),
		apiKeys: new Map(),
		users: new Map(),
		billingAddresses: new Map(),
	};
	const own = newOrganizationRecord({
		name: 'Sandbox Main Organization',
		address_line1: 'Sandboxstraße 1',
		zip: '10115',
		town: 'Berlin',
		country_code: 'DEU',
	});
	state.organizations.set(own._id, own);

	const ownKey = newApiKeyRecord(own, {
		name: 'sandbox-main-key',
		status: 'enabled',
		key: settings.apiKey,
		secret: settings.apiSecret,
	});
	state.apiKeys.set(ownKey._id, ownKey);

	const owner: StoredUser = {
		_id: SANDBOX_USER_ID,
		_type: 'USER',
		_envs: ['TEST'],
		email: 'owner@sandbox.fiskaly.test',
		first_name: 'Sandbox',
		last_name: 'Owner',
		organization_ids: [own._id],
	};
	state.users.set(owner._id, owner);

	const digits = Math.max(5, String(settings.seedOrganizations).length);
	for (let i = 1; i <= settings.seedOrganizations; i++) {
		const seeded = newOrganizationRecord({
			name: `Seed Org ${String(i).padStart(digits, '0')}`,
			address_line1: `Seedweg ${i}`,
			zip: String(10000 + ((i * 7919) % 90000)),
			town: 'Berlin',
			country_code: 'DEU',
		});
		state.organizations.set(seeded._id, seeded);
	}
	// Seeded API keys were created one a minute up to a minute ago (oldest first), as a real account's were over time.
	const keys = settings.seedApiKeys ?? 0;
	const now = Math.floor(Date.now() / 1000);
	seedRecords(state, own._id, { apiKeys: keys, users: settings.seedUsers ?? 0, apiKeyCreatedAt: (i) => now - 60 * (keys - i) });
	return { state, ownOrganizationId: own._id };
}

/** `fields` are already validated; managed_by_organization_id decides the type. */
export function newOrganizationRecord(fields: Record<string, unknown> & { name: string }): StoredOrganization {
	return {
		_id: newUuid(),
		_type: typeof fields.managed_by_organization_id === 'string' ? 'MANAGED_ORGANIZATION' : 'ORGANIZATION',
		_envs: ['TEST'],
		...fields,
		created_by_user: SANDBOX_USER_ID,
	};
}

/** Keys of managed organizations are MANAGED_API_KEYs (vendor changelog 0.2.0). */
export function newApiKeyRecord(
	organization: StoredOrganization,
	fields: Pick<StoredApiKey, 'name' | 'status'> & Partial<Pick<StoredApiKey, 'metadata' | 'key' | 'secret'>>,
): StoredApiKey {
	const managedBy = organization.managed_by_organization_id;
	return {
		_id: newUuid(),
		_type: managedBy ? 'MANAGED_API_KEY' : 'API_KEY',
		_envs: [...organization._envs],
		key: fields.key ?? `test_${randomToken(18)}`,
		secret: fields.secret ?? randomToken(32),
		created_at: Math.floor(Date.now() / 1000),
		created_by_user: SANDBOX_USER_ID,
		name: fields.name,
		status: fields.status,
		...(fields.metadata ? { metadata: fields.metadata } : {}),
		...(managedBy ? { managed_by_organization_id: managedBy } : {}),
		organization_id: organization._id,
	};
}

/** The secret is only part of the create answer; list/retrieve/update never return it. */
export function publicApiKey(record: StoredApiKey, includeSecret = false) {
	return includeSecret ? omitFields(record, 'organization_id') : omitFields(record, 'organization_id', 'secret');
}

export function publicUser(record: StoredUser) {
	return omitFields(record, 'organization_ids');
}
