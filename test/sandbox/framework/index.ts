/**
 * Framework for local vendor-API sandboxes: in-memory HTTP servers on 127.0.0.1 with request recording,
 * fault injection, token bookkeeping and the validation/listing helpers vendor route tables share.
 */
export type {
	FaultKind,
	FaultRule,
	RecordedRequest,
	RunningSandbox,
	SandboxError,
	SandboxRequest,
	SandboxResponse,
	SandboxRoute,
	StartSandboxOptions,
} from './types';
export { FaultController } from './faults';
export { TokenBucket, type RateLimitOptions } from './rateLimit';
export { startSandbox } from './server';
export { TokenStore, type IssuedToken } from './tokens';
export { defaultErrorCode, json, newUuid, omitFields, randomToken, reasonPhrase, SandboxHttpError } from './responses';
export { compilePath, normalizePath, type PathMatcher } from './routing';
export {
	assertValid,
	isEmail,
	isPlainObject,
	isUuid,
	requireJsonObject,
	validateObject,
	VALIDATION_ERROR_CODE,
	type FieldSpec,
	type ObjectSchema,
	type ValidateOptions,
} from './validation';
export {
	containsIgnoreCase,
	parseEnumParam,
	parseListQuery,
	sortAndPaginate,
	type ListPage,
	type ListQuery,
	type ListQuerySpec,
} from './listing';
export { multipartBoundary, parseMultipart, type MultipartPart } from './multipart';
export { FaultSchedule, type FaultScheduleOptions, type ScheduledFault } from './schedule';
export { DEFAULT_SEED, seededRandom, shuffle } from './seeded';
