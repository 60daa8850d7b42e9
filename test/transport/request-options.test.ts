/** Every request has a timeout the user can set: each node and trigger offers Request Options, and triggers obey them. */
import type { INodeTypeDescription } from 'n8n-workflow';

import { FiskalyManagement } from '../../packages/n8n-nodes-fiskaly-management/nodes/FiskalyManagement/FiskalyManagement.node';
import { FiskalyManagementTrigger } from '../../packages/n8n-nodes-fiskaly-management/nodes/FiskalyManagement/FiskalyManagementTrigger.node';
import { InvoicingApi } from '../../packages/n8n-nodes-regtech-invoicing/nodes/InvoicingApi/InvoicingApi.node';
import { InvoicingApiTrigger } from '../../packages/n8n-nodes-regtech-invoicing/nodes/InvoicingApi/InvoicingApiTrigger.node';
import { Semansys } from '../../packages/n8n-nodes-semansys/nodes/Semansys/Semansys.node';
import { TheNextInvoice } from '../../packages/n8n-nodes-thenextinvoice/nodes/TheNextInvoice/TheNextInvoice.node';
import { TheNextInvoiceTrigger } from '../../packages/n8n-nodes-thenextinvoice/nodes/TheNextInvoice/TheNextInvoiceTrigger.node';
import { DEFAULT_SETTLE_MS, DEFAULT_TRANSPORT } from '@n8n-nodes-eu-finance/shared/transport/request';
import { AUTO_ITEMS } from '@n8n-nodes-eu-finance/shared/properties';
import { startFiskaly, type FiskalyFixture } from '../fiskaly/setup';

const NODES = [new FiskalyManagement(), new FiskalyManagementTrigger(), new TheNextInvoice(), new TheNextInvoiceTrigger(), new InvoicingApi(), new InvoicingApiTrigger(), new Semansys()];

describe('request options', () => {
	it.each(NODES.map((node) => [node.description.displayName, node.description] as const))('%s offers a timeout and retry limits (nodes also Items in Parallel, paged lists Pages in Parallel)', (_name, description) => {
		const options = (description as INodeTypeDescription).properties.find((p) => p.name === 'requestOptions');
		expect(options?.type).toBe('collection');
		const isTrigger = (description as INodeTypeDescription).polling === true;
		// Only fiskaly and TheNextInvoice page through lists.
		const pagesLists = /fiskaly|TheNextInvoice/i.test((description as INodeTypeDescription).name);
		expect((options?.options ?? []).map((o) => (o as { name: string }).name).sort()).toEqual([
			...(isTrigger ? [] : ['parallelItems', 'maxParallelItems', 'settleSeconds']),
			...(pagesLists ? ['pagesInParallel'] : []),
			'maxAttempts',
			'maxTotalWaitSeconds',
			'timeoutSeconds',
		].sort());
	});

	// The UI defaults are literals (n8n's linters only see literal defaults); they must say what the transport does
	// when the user leaves an option empty.
	it.each(NODES.map((node) => [node.description.displayName, node.description] as const))('%s shows the transport defaults as its Request Options defaults', (_name, description) => {
		const options = (description as INodeTypeDescription).properties.find((p) => p.name === 'requestOptions')?.options ?? [];
		const defaults = Object.fromEntries(options.map((o) => [(o as { name: string }).name, (o as { default: unknown }).default]));
		expect(defaults.timeoutSeconds).toBe(DEFAULT_TRANSPORT.timeoutMs / 1000);
		expect(defaults.maxAttempts).toBe(DEFAULT_TRANSPORT.retry.maxAttempts);
		expect(defaults.maxTotalWaitSeconds).toBe(DEFAULT_TRANSPORT.retry.maxTotalWaitMs / 1000);
		if ('pagesInParallel' in defaults) expect(defaults.pagesInParallel).toBe(DEFAULT_TRANSPORT.pagesInParallel);
		// Items in Parallel = 0 is Auto, up to Max Items in Parallel.
		if ('parallelItems' in defaults) expect([defaults.parallelItems, defaults.maxParallelItems]).toEqual([0, AUTO_ITEMS.max]);
		if (!('parallelItems' in defaults)) expect(defaults.settleSeconds).toBeUndefined();
		else expect(defaults.settleSeconds).toBe(DEFAULT_SETTLE_MS / 1000);
	});

	describe('a trigger obeys its timeout', () => {
		let f: FiskalyFixture;
		beforeAll(async () => {
			f = await startFiskaly();
		});
		afterAll(async () => await f.sandbox.close());

		it('a poll whose answers are slower than the timeout fails after the configured attempts', async () => {
			await f.poll({ event: 'newOrganization' }); // logged in, cursor set
			f.sandbox.faults.add({ kind: 'slow', delayMs: 2500, times: 2, match: { method: 'GET', path: /organizations$/ } });
			const started = Date.now();
			await expect(f.poll({ event: 'newOrganization', requestOptions: { timeoutSeconds: 1, maxAttempts: 2, maxTotalWaitSeconds: 5 } })).rejects.toThrow(/no answer after 2 attempts/);
			expect(Date.now() - started).toBeLessThan(2400 + 1000);
		});
	});
});
