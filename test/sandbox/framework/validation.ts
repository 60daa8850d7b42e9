/**
 * A deliberately small schema checker for request bodies and query strings. Vendor sandboxes describe
 * their documented field rules as data; every violation becomes one line of a 400 answer.
 */
import { SandboxHttpError } from './responses';
import type { SandboxRequest } from './types';

interface BaseSpec {
	required?: boolean;
}

export interface StringSpec extends BaseSpec {
	type: 'string';
	minLength?: number;
	maxLength?: number;
	pattern?: RegExp;
	enum?: readonly string[];
	/** Used instead of listing long enums in error messages, e.g. 'an ISO 3166-1 alpha-3 country code'. */
	enumDescription?: string;
	format?: 'uuid' | 'email';
}

export interface BooleanSpec extends BaseSpec {
	type: 'boolean';
}

export interface ObjectSpec extends BaseSpec {
	type: 'object';
	fields: ObjectSchema;
}

/** A string -> string dictionary with size limits (vendor "metadata"). */
export interface StringMapSpec extends BaseSpec {
	type: 'stringMap';
	maxKeys?: number;
	maxKeyLength?: number;
	maxValueLength?: number;
}

export type FieldSpec = StringSpec | BooleanSpec | ObjectSpec | StringMapSpec;
export type ObjectSchema = Record<string, FieldSpec>;

export interface ValidateOptions {
	/** PATCH semantics: `required` is not enforced, but present fields must be valid. */
	partial?: boolean;
	/** Accept fields the schema does not know (query strings); bodies reject them by default. */
	allowUnknown?: boolean;
}

/** Error code of validation failures; vendors remap it in `errorBody` if theirs differs. */
export const VALIDATION_ERROR_CODE = 'E_VALIDATION';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isUuid(value: unknown): value is string {
	return typeof value === 'string' && UUID_PATTERN.test(value);
}

export function isEmail(value: unknown): value is string {
	return typeof value === 'string' && EMAIL_PATTERN.test(value);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}

/** All violations of `schema` by `value`, as 'field: problem' lines (empty when valid). */
export function validateObject(
	value: unknown,
	schema: ObjectSchema,
	options: ValidateOptions = {},
	prefix = '',
): string[] {
	if (!isPlainObject(value)) return [`${prefix || 'body'}: must be an object`];
	const errors: string[] = [];
	for (const [name, spec] of Object.entries(schema)) {
		const field = prefix + name;
		const fieldValue = value[name];
		if (fieldValue === undefined) {
			if (spec.required && !options.partial) errors.push(`${field}: is required`);
			continue;
		}
		errors.push(...validateField(fieldValue, spec, field, options));
	}
	if (!options.allowUnknown) {
		for (const name of Object.keys(value)) {
			if (!(name in schema)) errors.push(`${prefix + name}: is not allowed`);
		}
	}
	return errors;
}

/** Throws a 400 SandboxHttpError listing every violation. */
export function assertValid(value: unknown, schema: ObjectSchema, options: ValidateOptions = {}): void {
	const errors = validateObject(value, schema, options);
	if (errors.length > 0) throw new SandboxHttpError(400, VALIDATION_ERROR_CODE, errors.join('; '));
}

/**
 * The JSON object body of a request, or a 400: the framework leaves bodies that are missing, not JSON or
 * not an object for the vendor layer to reject.
 */
export function requireJsonObject(req: SandboxRequest): Record<string, unknown> {
	if (isPlainObject(req.body)) return req.body;
	if (req.rawBody.length === 0) throw new SandboxHttpError(400, 'E_BAD_REQUEST', 'A JSON request body is required');
	if (req.body === undefined) throw new SandboxHttpError(400, 'E_BAD_REQUEST', 'The request body is not valid JSON');
	throw new SandboxHttpError(400, 'E_BAD_REQUEST', 'The request body must be a JSON object');
}

function validateField(value: unknown, spec: FieldSpec, field: string, options: ValidateOptions): string[] {
	switch (spec.type) {
		case 'string':
			return validateString(value, spec, field);
		case 'boolean':
			return typeof value === 'boolean' ? [] : [`${field}: must be a boolean`];
		case 'object':
			return validateObject(value, spec.fields, { partial: options.partial }, `${field}.`);
		case 'stringMap':
			return validateStringMap(value, spec, field);
	}
}

function validateString(value: unknown, spec: StringSpec, field: string): string[] {
	if (typeof value !== 'string') return [`${field}: must be a string`];
	if (spec.minLength !== undefined && value.length < spec.minLength) {
		return [spec.minLength === 1 ? `${field}: must not be empty` : `${field}: must be at least ${spec.minLength} characters`];
	}
	if (spec.maxLength !== undefined && value.length > spec.maxLength) {
		return [`${field}: must be at most ${spec.maxLength} characters`];
	}
	if (spec.pattern && !spec.pattern.test(value)) return [`${field}: must match ${spec.pattern.source}`];
	if (spec.enum && !spec.enum.includes(value)) {
		return [`${field}: must be ${spec.enumDescription ?? `one of ${spec.enum.join(', ')}`}`];
	}
	if (spec.format === 'uuid' && !isUuid(value)) return [`${field}: must be a UUID`];
	if (spec.format === 'email' && !isEmail(value)) return [`${field}: must be a valid e-mail address`];
	return [];
}

function validateStringMap(value: unknown, spec: StringMapSpec, field: string): string[] {
	if (!isPlainObject(value)) return [`${field}: must be an object`];
	const errors: string[] = [];
	const entries = Object.entries(value);
	if (spec.maxKeys !== undefined && entries.length > spec.maxKeys) {
		errors.push(`${field}: must have at most ${spec.maxKeys} keys`);
	}
	for (const [key, entryValue] of entries) {
		if (spec.maxKeyLength !== undefined && key.length > spec.maxKeyLength) {
			errors.push(`${field}: key '${key.slice(0, 20)}...' is longer than ${spec.maxKeyLength} characters`);
		}
		if (typeof entryValue !== 'string') errors.push(`${field}.${key}: must be a string`);
		else if (spec.maxValueLength !== undefined && entryValue.length > spec.maxValueLength) {
			errors.push(`${field}.${key}: must be at most ${spec.maxValueLength} characters`);
		}
	}
	return errors;
}
