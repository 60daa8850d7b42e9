/**
 * Semansys validations are jobs: the POST answers 202 with `{ jobId, location, filteredLocation }`;
 * GET /validation/status/{id} (or filtered-status) answers 202 while the job runs and 200 with the result.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';
import { z } from 'zod';

import { apiRequest, type TransportSettings, type VendorApi } from '@n8n-nodes-eu-finance/shared/transport/request';

export const statusPath = (jobId: string, filtered: boolean) =>
	`/validation/${filtered ? 'filtered-status' : 'status'}/${encodeURIComponent(jobId)}`;

const whenWaiting = { show: { waitForCompletion: [true] } };

export const waitProperties: INodeProperties[] = [
	{
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		type: 'boolean',
		default: false,
		description: 'Whether to poll the job status until the validation has finished and return its result. Off: the job ID comes back at once.',
	},
	{
		displayName: 'Result',
		name: 'statusKind',
		type: 'options',
		options: [
			{ name: 'All Messages (Status)', value: 'status' },
			{ name: 'Filtered Messages (Filtered Status)', value: 'filtered' },
		],
		default: 'status',
		displayOptions: whenWaiting,
	},
	{
		displayName: 'Poll Interval (Seconds)',
		name: 'pollIntervalSeconds',
		type: 'number',
		typeOptions: { minValue: 0.1, numberPrecision: 1 },
		default: 5,
		displayOptions: whenWaiting,
	},
	{
		displayName: 'Wait Timeout (Seconds)',
		name: 'waitTimeoutSeconds',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 300,
		description: 'How long to wait for the validation before the item fails (the job goes on at Semansys)',
		displayOptions: whenWaiting,
	},
];

export const waitShape = {
	waitForCompletion: z.boolean().optional(),
	statusKind: z.enum(['status', 'filtered']).optional(),
	pollIntervalSeconds: z.number().min(0.1, 'must be at least 0.1').max(3600, 'must be at most 3600').optional(),
	waitTimeoutSeconds: z.number().min(1, 'must be at least 1').max(86400, 'must be at most 86400').optional(),
};

export interface WaitOptions {
	filtered: boolean;
	intervalMs: number;
	timeoutMs: number;
}

export function waitOptions(input: IDataObject): WaitOptions | undefined {
	if (input.waitForCompletion !== true) return undefined;
	return {
		filtered: input.statusKind === 'filtered',
		intervalMs: Number(input.pollIntervalSeconds ?? 5) * 1000,
		timeoutMs: Number(input.waitTimeoutSeconds ?? 300) * 1000,
	};
}

/** Polls the job's status until it answers 200; the result carries the job ID and how many checks it took. */
export async function waitForJob(
	context: IExecuteFunctions,
	api: VendorApi,
	jobId: string,
	options: WaitOptions,
	request: { itemIndex: number; settings: TransportSettings },
	/** Headers of the request that started the job (its API Version), sent with every status check too. */
	headers?: Record<string, string>,
): Promise<IDataObject> {
	const started = Date.now();
	for (let checks = 1; ; checks++) {
		let response;
		try {
			response = await apiRequest(context, api, { method: 'GET', path: statusPath(jobId, options.filtered), allowEmptyBody: true, headers }, request);
		} catch (error) {
			throw withJobStarted(error, jobId);
		}
		if (response.statusCode !== 202) return { jobId, statusChecks: checks, ...(response.body as IDataObject) };
		if (Date.now() - started + options.intervalMs > options.timeoutMs) {
			throw new NodeOperationError(context.getNode(), `Validation job ${jobId} was still running after ${Math.round((Date.now() - started) / 1000)} s`, {
				itemIndex: request.itemIndex,
				description: `Outcome known: the job was started and goes on at Semansys. Ask for its result later with Validation → Get Status (job ID ${jobId}), or raise "Wait Timeout".`,
			});
		}
		await sleep(options.intervalMs);
	}
}

/** Reading a started job's result failed: the job exists (started once), so say so instead of leaving it open. */
function withJobStarted(error: unknown, jobId: string): unknown {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		const note = `Outcome known: validation job ${jobId} was started at Semansys; only reading its result failed. Ask for it with Validation → Get Status (job ID ${jobId}) instead of starting the validation again`;
		error.description = error.description ? `${error.description}. ${note}` : note;
	}
	return error;
}
