/** Shared pieces of the Semansys sandbox: state, the context every route table receives, and the vendor's rules. */
import { createHash } from 'node:crypto';
import { isUuid, json, newUuid, SandboxHttpError, type SandboxResponse, type TokenStore } from '../framework';

/** The API base URL is not documented; the sandbox serves it below /api so that base-URL joining is tested. */
export const BASE_PATH = '/api';
export const TOKEN_PATH = '/connect/token';

export type SemansysTokenSubject = { username: string; clientId: string };

export interface StoredFile {
	id: string;
	userEmail: string;
	name: string;
	type: string;
	content: Buffer;
	createdOn: string;
	history: Array<{ id: string; action: string; atTime: string }>;
	properties: Array<{ id: string; type: string; key: string; value: string }>;
}

export interface ValidationJob {
	jobId: string;
	kind: string;
	createdAt: number;
	polls: number;
	content: string;
	fileName?: string;
}

export type StatusErrorShape = 'published' | 'nested' | 'flat';

export interface Delivery {
	channel: 'digipoort' | 'sbr-nexus';
	kenmerk: string;
	identifier: string;
	messageType: string;
	fileName: string;
	content: Buffer;
	at: string;
	statusQueries: number;
	/** Set by `control.rejectDelivery`: the next status answers end with this error. */
	rejection?: { foutcode: string; foutbeschrijving: string };
}

export interface SemansysStats {
	passwordGrants: number;
	refreshGrants: number;
	refusedRefreshes: number;
	unauthorized: number;
}

export interface SemansysContext {
	clientId: string;
	clientSecret: string;
	username: string;
	password: string;
	apiVersion: string;
	/** An older version still served beside the current one (Semansys publishes V1 pages beside V2). */
	olderApiVersion: string;
	tokenLifetimeSeconds: number;
	refreshLifetimeSeconds: number;
	accessTokens: TokenStore<SemansysTokenSubject>;
	refreshTokens: TokenStore<SemansysTokenSubject>;
	stats: SemansysStats;
	/** A validation job answers 202 to this many status polls, then 200 (unless `jobMs` has passed first). */
	jobPolls: number;
	/** When set, a job is also done once this many milliseconds have passed since it started. */
	jobMs?: number;
	files: Map<string, StoredFile>;
	jobs: Map<string, ValidationJob>;
	deliveries: Map<string, Delivery>;
	hmrcSubmissions: Map<string, { acceptedTime: string; content: Buffer }>;
	invitations: Array<{ email: string; invitedBy?: string; role?: string }>;
	checkedUsers: string[];
	/** Roles set with POST /customer-corner/user-role: e-mail → role (1 admin … 5 customer corner user). */
	userRoles: Map<string, number>;
	domains: string[];
	/** The query parameter Render Consistent reads the format from ("html or pdf" in the docs, real name not shown). */
	renderFormatParameter: string;
	/**
	 * How status answers carry a status's error: `published` as each page shows it (Digipoort flat,
	 * `statusFoutcode.{foutcode, foutbeschrijving}`; SBR Nexus nested, `statusFoutcode.foutType.{…}`), or one shape for both.
	 */
	statusErrorShape: StatusErrorShape;
	/** The answer of GET /customer-corner/delivery/messages. */
	deliveryMessages: unknown;
	/** Generate Instance's unpublished key names the sandbox expects instead of ours (ours → its), e.g. identifier → entityId. */
	generationKeyNames: Record<string, string>;
}

export const ok = (body: unknown): SandboxResponse => json(200, body);
export const fail = (status: number, message: string) => new SandboxHttpError(status, `E_HTTP_${status}`, message);

export const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** A base64 field, decoded; 400 when it is missing or not base64. */
export function base64Field(body: Record<string, unknown>, field: string): Buffer {
	const value = body[field];
	if (typeof value !== 'string' || !value) throw fail(400, `${field}: is required`);
	if (value.length % 4 !== 0 || !BASE64.test(value)) throw fail(400, `${field}: must be base64 content`);
	return Buffer.from(value, 'base64');
}

/** "file ID (UUID) or base64 content": a stored file's content, or the decoded base64. */
export function idOrBase64(ctx: SemansysContext, body: Record<string, unknown>, field: string): Buffer {
	const value = body[field];
	if (isUuid(value)) {
		const file = ctx.files.get(value.toLowerCase());
		if (!file) throw fail(404, `${field}: no stored file with ID ${value}`);
		file.history.push({ id: newUuid(), action: 'Used', atTime: new Date().toISOString() });
		return file.content;
	}
	return base64Field(body, field);
}

export function requireString(body: Record<string, unknown>, field: string, options: { optional?: boolean; oneOf?: string[] } = {}): string | undefined {
	const value = body[field];
	if (value === undefined || value === null) {
		if (options.optional) return undefined;
		throw fail(400, `${field}: is required`);
	}
	if (typeof value !== 'string' || (!options.optional && !value.trim())) throw fail(400, `${field}: must be a non-empty string`);
	if (options.oneOf && !options.oneOf.includes(value)) throw fail(400, `${field}: must be one of ${options.oneOf.join(', ')}`);
	return value;
}
