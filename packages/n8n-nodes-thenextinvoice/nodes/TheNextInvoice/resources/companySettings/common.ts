import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import type { OperationDescriptor, OperationRun } from '@n8n-nodes-eu-finance/shared/operations';
import { compact, recordId, recordLocator } from '../../fields';

/*
 * Helpers of the settings resources (company settings, e-mail, SMS, attachments): one-record settings
 * (GET/PUT on a fixed path), template lists with get/create/update/delete, uploads. The generic ones
 * (send, answerFields, pick) live in ../../helpers.ts.
 */

export { answerFields, pick, send } from '../../helpers';
import { answerFields, pick, send } from '../../helpers';

/** A non-empty text. */
export const text = z.string().trim().min(1, 'must not be empty');

/** `{...}` with at least one field given (Update Fields collections). */
export const someFields = (shape: z.ZodRawShape) =>
	z
		.preprocess((value) => value ?? {}, z.object(shape))
		.transform((fields) => compact(fields as IDataObject))
		.refine((fields) => Object.keys(fields).length > 0, 'add at least one field to change');

export const updateFieldsProperty = (options: INodeProperties[]): INodeProperties => ({
	displayName: 'Update Fields',
	name: 'updateFields',
	type: 'collection',
	placeholder: 'Add field',
	default: {},
	options: options.map((option) => ({ ...option, required: false })),
});

/** GET of a one-record setting (e.g. `/settings/peppol`). */
export function getSetting(value: string, name: string, action: string, description: string, path: string): OperationDescriptor {
	return { value, name, action, description, properties: [], schema: z.object({}), request: () => ({ method: 'GET', path }) };
}

/** PUT of a one-record setting: the schema shapes the body; the result is what was sent plus the answer. */
export function putSetting<TBody extends IDataObject>(
	value: string,
	name: string,
	action: string,
	description: string,
	path: string,
	properties: INodeProperties[],
	schema: z.ZodType<TBody, z.ZodTypeDef, unknown>,
): OperationDescriptor<TBody> {
	return {
		value,
		name,
		action,
		description,
		properties,
		schema,
		request: (body) => ({ method: 'PUT', path, body }),
		output: (answer, body) => ({ ...body, ...answerFields(answer) }),
	};
}

/** Enable or disable a channel (`PUT {path}` with `{ enabled }`, e.g. /settings/peppol, /settings/sms). */
export const enabledSetting = (value: string, name: string, channel: string, description: string, path: string) =>
	putSetting(
		value,
		name,
		`Enable or disable ${channel}`,
		description,
		path,
		[{ displayName: 'Enabled', name: 'enabled', type: 'boolean', default: true, description: `Whether ${channel} is enabled` }],
		z.object({ enabled: z.boolean() }),
	);

/**
 * PUT endpoints that want every field: the node reads the current record (`GET path`), keeps the fields
 * not given and sends the whole record, so "Update Fields" changes only what the user picked.
 */
export async function mergeAndPut(run: OperationRun<unknown>, getPath: string, putPath: string, fields: readonly string[], changes: IDataObject): Promise<IDataObject> {
	const current = await send(run, { method: 'GET', path: getPath });
	const body = { ...pick(current, fields), ...changes };
	return { ...body, ...answerFields(await send(run, { method: 'PUT', path: putPath, body })) };
}

export interface TemplateSpec {
	/** e.g. `/settings/email/text` */
	path: string;
	/** "Template", used in names: "Create Template". */
	noun: string;
	/** The picker of the records (a listSearch method of the node). */
	searchListMethod: string;
	/** "an e-mail template", used in actions. */
	article: string;
	/** "e-mail templates", used in actions. */
	plural: string;
	/** The documented body fields (all required on create and update). */
	fields: readonly string[];
	properties: INodeProperties[];
	/** The checks of each parameter (shared by create and update). */
	shape: Record<string, z.ZodTypeAny>;
	/** Parameter name → body field, where they differ (a parameter name used by other resources with another type). */
	rename?: Record<string, string>;
	/** Extra check of the complete body (e.g. the SMS placeholder rule), reported on the parameter `check.parameter`. */
	check?: { parameter: string; problem: (body: IDataObject) => string | undefined };
}

const toBody = (spec: TemplateSpec) => (parameters: IDataObject): IDataObject =>
	Object.fromEntries(Object.entries(parameters).map(([name, value]) => [spec.rename?.[name] ?? name, value]));

const checked = (spec: TemplateSpec) => (body: IDataObject, issue: z.RefinementCtx) => {
	const problem = spec.check?.problem(body);
	if (problem) issue.addIssue({ code: 'custom', path: [spec.check!.parameter], message: problem });
};

/** List / get / create / update / delete of a template list (`/settings/email/text`, `/settings/sms/text`). */
export function templateOperations(spec: TemplateSpec): Record<'list' | 'get' | 'create' | 'update' | 'remove', OperationDescriptor> {
	const { path, noun, article, plural } = spec;
	const idName = 'templateId';
	const id = recordLocator(noun, idName, spec.searchListMethod);
	const suffix = noun.replace(/\s+/g, '');
	return {
		list: {
			value: `getMany${suffix}s`,
			name: `Get Many ${noun}s`,
			action: `Get many ${plural}`,
			description: `List all ${plural} of the company. Returns one item per template with its ID and fields.`,
			properties: [],
			schema: z.object({}),
			list: () => ({ request: { method: 'GET', path }, pagination: { style: 'none' } }),
		},
		get: {
			value: `get${suffix}`,
			name: `Get ${noun}`,
			action: `Get ${article}`,
			description: `Read one of the ${plural} by its ID. Returns the template with its fields.`,
			properties: [id],
			schema: z.object({ templateId: recordId }),
			request: ({ templateId }) => ({ method: 'GET', path: `${path}/${templateId}` }),
		},
		create: {
			value: `create${suffix}`,
			name: `Create ${noun}`,
			action: `Create ${article}`,
			description: `Add one of the ${plural}. Returns the new template as TheNextInvoice answers it.`,
			properties: spec.properties,
			schema: z.object(spec.shape).transform(toBody(spec)).superRefine(checked(spec)),
			request: (body: IDataObject) => ({ method: 'POST', path, body }),
		},
		update: {
			value: `update${suffix}`,
			name: `Update ${noun}`,
			action: `Update ${article}`,
			description: `Change the given fields of one of the ${plural}; the others keep their values. Returns the template ID with all its fields after the change.`,
			properties: [id, updateFieldsProperty(spec.properties)],
			schema: z.object({
				templateId: recordId,
				updateFields: someFields(Object.fromEntries(Object.entries(spec.shape).map(([k, v]) => [k, v.optional()])))
					.transform(toBody(spec))
					.superRefine(checked(spec)),
			}),
			run: async (run) => {
				const { templateId, updateFields } = run.input as { templateId: string; updateFields: IDataObject };
				const current = await send(run, { method: 'GET', path: `${path}/${templateId}` });
				const body = { ...pick(current, spec.fields), ...updateFields };
				const problem = spec.check?.problem(body);
				if (problem) throw new Error(`The ${noun.toLowerCase()} after the update is invalid: ${problem}`);
				const answer = await send(run, { method: 'PUT', path: `${path}/${templateId}`, body });
				return { id: Number(templateId), ...body, ...answerFields(answer) };
			},
		},
		remove: {
			value: `delete${suffix}`,
			name: `Delete ${noun}`,
			action: `Delete ${article}`,
			description: `Remove one of the ${plural} by its ID. Returns templateId and deleted: true.`,
			properties: [id],
			schema: z.object({ templateId: recordId }),
			request: ({ templateId }) => ({ method: 'DELETE', path: `${path}/${templateId}` }),
			output: (answer, { templateId }) => ({ [idName]: Number(templateId), deleted: true, ...answerFields(answer) }),
		},
	};
}
