/**
 * Local sandbox of the Semansys.Next API (OpenAPI V2), built from Semansys' published docs (https://docs.semansys.com/)
 * and NOTES-semansys.md: the identity server's token endpoint, every endpoint the node calls (documented ones with
 * their documented bodies and answers, inferred ones accepting JSON), validation jobs, files as base64.
 */
import { startSandbox, TokenStore, type RunningSandbox } from '../framework';
import { authenticate, tokenRoutes } from './auth';
import { BASE_PATH, TOKEN_PATH, type SemansysContext, type SemansysStats, type SemansysTokenSubject, type StatusErrorShape } from './context';
import { customerCornerRoutes, DELIVERY_MESSAGES, storeFile } from './customer-corner';
import { deliveryRoutes } from './delivery';
import { inferredRoutes } from './inferred';
import { reportingRoutes } from './reporting';
import { validationRoutes } from './validation';

export type { Delivery, StatusErrorShape, StoredFile, ValidationJob } from './context';
export { factsOf, SAMPLE_INSTANCE } from './samples';
export { DELIVERY_MESSAGES } from './customer-corner';

export interface SemansysSandboxOptions {
	port?: number;
	/** expires_in of access tokens. Default 3600. */
	tokenLifetimeSeconds?: number;
	/** Default 86400. */
	refreshLifetimeSeconds?: number;
	/** Status polls a validation job answers 202 to before it is done. Default 1. */
	jobPolls?: number;
	/** The query parameter Render Consistent reads "html" or "pdf" from. Default `outputFormat` (our guess of the name). */
	renderFormatParameter?: string;
	/** `published` (default: Digipoort flat, SBR Nexus nested, as their pages show), `nested` or `flat`: where status answers put foutcode and foutbeschrijving. */
	statusErrorShape?: StatusErrorShape;
}

/** Things that happen on the Semansys side without an API call. */
export interface SemansysControl {
	/** Validation jobs answer 202 to this many polls, then 200. */
	setJobPolls(polls: number): void;
	/** Jobs are (also) done once this much time has passed since they started; undefined: only polls count. */
	setJobMs(ms: number | undefined): void;
	/** Every access token expired now (what a client that caches too long sees). */
	expireAccessTokens(): number;
	/** Every refresh token revoked (a refresh then fails and the client must log in again). */
	revokeRefreshTokens(): number;
	/** Stores a file in Customer Corner; returns its ID. */
	storeFile(name: string, content: Buffer | string): string;
	/** The delivery with this kenmerk is refused: its status answers end with a status carrying this error. */
	rejectDelivery(kenmerk: string, foutcode: string, foutbeschrijving: string): void;
	/** Which query parameter Render Consistent reads the format from. */
	setRenderFormatParameter(name: string): void;
	/** Where status answers put a status's error (`published`: as each portal's page shows it). */
	setStatusErrorShape(shape: StatusErrorShape): void;
	/** What Get Delivery Messages answers (default: the documented list, DELIVERY_MESSAGES). */
	setDeliveryMessages(answer: unknown): void;
	/** Generate Instance expects these names for its unpublished keys (ours → its); {} expects ours. */
	setGenerationKeyNames(names: Record<string, string>): void;
}

export interface SemansysSandbox extends RunningSandbox {
	/** url + '/api' */
	baseUrl: string;
	tokenUrl: string;
	clientId: string;
	clientSecret: string;
	username: string;
	password: string;
	apiVersion: string;
	stats: SemansysStats;
	state: Pick<SemansysContext, 'files' | 'jobs' | 'deliveries' | 'hmrcSubmissions' | 'invitations' | 'checkedUsers' | 'userRoles' | 'domains'>;
	accessTokens: TokenStore<SemansysTokenSubject>;
	control: SemansysControl;
}

export async function startSemansysSandbox(options: SemansysSandboxOptions = {}): Promise<SemansysSandbox> {
	const ctx: SemansysContext = {
		clientId: 'semansys-sandbox-client',
		clientSecret: 'semansys-sandbox-secret',
		username: 'reporter@example.com',
		password: 'semansys-password',
		apiVersion: '2',
		olderApiVersion: '1',
		tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3600,
		refreshLifetimeSeconds: options.refreshLifetimeSeconds ?? 86400,
		accessTokens: new TokenStore<SemansysTokenSubject>(),
		refreshTokens: new TokenStore<SemansysTokenSubject>(),
		stats: { passwordGrants: 0, refreshGrants: 0, refusedRefreshes: 0, unauthorized: 0 },
		jobPolls: options.jobPolls ?? 1,
		files: new Map(),
		jobs: new Map(),
		deliveries: new Map(),
		hmrcSubmissions: new Map(),
		invitations: [],
		checkedUsers: [],
		userRoles: new Map(),
		domains: ['accountants-demo.semansys.example', 'client-bv.semansys.example'],
		renderFormatParameter: options.renderFormatParameter ?? 'outputFormat',
		statusErrorShape: options.statusErrorShape ?? 'published',
		deliveryMessages: DELIVERY_MESSAGES,
		generationKeyNames: {},
	};
	const sandbox = await startSandbox({
		name: 'semansys',
		port: options.port,
		// Inferred static paths (/customer-corner/file/download) before the documented /customer-corner/file/{fileIds}.
		routes: [...tokenRoutes(ctx), ...inferredRoutes(ctx), ...customerCornerRoutes(ctx), ...deliveryRoutes(ctx), ...reportingRoutes(ctx), ...validationRoutes(ctx)],
		onRequest: authenticate(ctx),
		// ASP.NET problem details.
		errorBody: ({ status, message }) => ({ type: `https://httpstatuses.io/${status}`, title: message, status }),
	});
	const control: SemansysControl = {
		setJobPolls: (polls) => (ctx.jobPolls = polls),
		setJobMs: (ms) => (ctx.jobMs = ms),
		expireAccessTokens: () => ctx.accessTokens.expireAll(),
		revokeRefreshTokens: () => ctx.refreshTokens.revokeAll(),
		storeFile: (name, content) => storeFile(ctx, name, Buffer.from(content)).id,
		rejectDelivery: (kenmerk, foutcode, foutbeschrijving) => {
			const delivery = ctx.deliveries.get(kenmerk);
			if (!delivery) throw new Error(`control: no delivery ${kenmerk}`);
			delivery.rejection = { foutcode, foutbeschrijving };
		},
		setRenderFormatParameter: (name) => (ctx.renderFormatParameter = name),
		setStatusErrorShape: (shape) => (ctx.statusErrorShape = shape),
		setDeliveryMessages: (answer) => (ctx.deliveryMessages = answer),
		setGenerationKeyNames: (names) => (ctx.generationKeyNames = names),
	};
	return Object.assign(sandbox, {
		baseUrl: sandbox.url + BASE_PATH,
		tokenUrl: sandbox.url + TOKEN_PATH,
		clientId: ctx.clientId,
		clientSecret: ctx.clientSecret,
		username: ctx.username,
		password: ctx.password,
		apiVersion: ctx.apiVersion,
		stats: ctx.stats,
		state: ctx,
		accessTokens: ctx.accessTokens,
		control,
	});
}
