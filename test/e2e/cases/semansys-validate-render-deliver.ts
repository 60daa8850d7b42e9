/**
 * Semansys in real n8n, the chain: validate an annual report and wait for the job, render it to PDF, deliver
 * it to Digipoort, ask the delivery status. The workflow is the example workflow (run as is by n8n-examples).
 */
import * as path from 'node:path';
import { ROOT } from '../../../scripts/n8n-runtime';
import { readWorkflowFiles } from '../../../scripts/workflow-files';
import { SAMPLE_INSTANCE } from '../../sandbox/semansys';
import type { E2eCase } from '../harness';

const example = readWorkflowFiles(path.join(ROOT, 'packages', 'n8n-nodes-semansys', 'examples')).find(({ file }) => file === 'semansys-validate-render-deliver.json')!.workflow;

const binaryOf = (run: Parameters<E2eCase['check']>[0], node: string) => run.runData[node]?.[0]?.data?.main?.[0]?.[0]?.binary ?? {};

const testCase: E2eCase = {
	name: 'Semansys: validate and wait, render to PDF, deliver to Digipoort, delivery status',
	workflow: { ...example, id: 'e2eSemansysChain1', name: 'e2e: Semansys validate, render, deliver' },
	check(run, { semansys, expect, equal }) {
		if (!expect(run.ok, `the workflow succeeds (status ${run.status})`)) return;
		const validation = run.output('Validate and wait')[0];
		equal(validation?.jobStatus, 'success', 'the validation job finished');
		equal(validation?.validations?.[0]?.validationResult, 'valid', 'the report is valid');
		expect(validation?.statusChecks >= 2, 'the node polled the job status until it was done (202, then 200)');
		const job = semansys.state.jobs.get(validation?.jobId);
		equal(job?.content, SAMPLE_INSTANCE, 'the sandbox validated the report the workflow made');
		const polls = semansys.requests.filter((r) => r.path === `/api/validation/status/${validation?.jobId}`).map((r) => r.status);
		equal(polls, [202, 200], 'status polls: 202 while running, then 200');

		const pdf = binaryOf(run, 'Render PDF').pdf;
		equal(pdf?.mimeType, 'application/pdf', 'the rendering came back as a PDF binary');
		equal(pdf?.fileName, 'jaarrekening-2025.pdf', 'named after the report');
		equal(semansys.requests.find((r) => r.path === '/api/rendering/instance/consistent')?.query, { outputFormat: 'pdf' }, 'only the PDF was asked for');

		const receipt = run.output('Deliver to Digipoort')[0]?.aanleverResponse;
		const delivery = semansys.state.deliveries.get(receipt?.kenmerk);
		expect(delivery, 'the sandbox holds the delivery');
		equal(delivery?.content.toString('utf8'), SAMPLE_INSTANCE, 'the delivered content is the report (base64 on the wire)');
		equal([delivery?.identifier, delivery?.messageType, delivery?.fileName], ['12345678', 'Jaarrekening', 'jaarrekening-2025.xbrl'], 'identifier, message type and file name');

		const statuses = run.output('Delivery status')[0]?.getStatussenProcesResponse?.getStatussenProcesReturn ?? [];
		expect(statuses.length > 0 && statuses.every((s: { kenmerk: string }) => s.kenmerk === receipt?.kenmerk), 'the status answers about that delivery');
		// API calls (the credential test's login with a wrong token URL also lands below /api, without a bearer).
		const without = semansys.requests
			.filter((r) => r.path.startsWith('/api/') && r.headers.authorization && !(r.headers['x-api-version'] === semansys.apiVersion && r.headers.applicationname === 'n8n-nodes-eu-finance'))
			.map((r) => `${r.method} ${r.path} ${JSON.stringify({ ...r.headers, authorization: undefined })}`);
		equal(without, [], 'every call carried x-api-version and the filled context header');
	},
};

export default testCase;
