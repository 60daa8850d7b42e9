/** Every INFERRED operation: its path and method, its JSON body and query, files in and out, jobs. */
import { createHash } from 'node:crypto';

import { INFERRED } from '../../packages/n8n-nodes-semansys/nodes/Semansys/inferred';
import { resources } from '../../packages/n8n-nodes-semansys/nodes/Semansys/resources';
import { INSTANCE, withInstance, useSemansys, type SemansysFixture } from './setup';

const fixture = useSemansys();
let f: SemansysFixture;
beforeAll(() => (f = fixture()));

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const SNIFFED: Record<string, RegExp> = { Content: /^application\/zip$/, htmlContent: /^text\/html$/, pdfContent: /^application\/pdf$/, content: /^application\/(zip|octet-stream)$|^text\/csv$/, InstanceContentBase64: /^application\/xml$/, xmlDoc: /^application\/xml$/, xhtmlContent: /^application\/xhtml\+xml$/ };

describe('Semansys inferred operations', () => {
	it.each(INFERRED.map((entry) => [`${entry.resource} › ${entry.name}`, entry] as const))('%s', async (_label, entry) => {
		const descriptor = resources.find((r) => r.value === entry.resource)!.operations.find((o) => o.value === entry.value)!;
		expect(descriptor.description).toMatch(/^Inferred: /);
		const probe = `probe-${entry.value}`;
		const parameters = {
			resource: entry.resource,
			operation: entry.value,
			...(entry.method === 'GET' ? {} : { body: JSON.stringify({ probe, nested: { a: 1 } }) }),
			query: JSON.stringify({ entrypoint: 'https://example.com/entry.xsd' }),
			...(entry.content ? { fileBinaryProperty: 'data' } : {}),
			...(entry.hashed ? { isHashed: true } : {}),
		};
		const { json, items, error } = await f.run(parameters, entry.content ? { input: withInstance() } : {});
		expect(error).toBeUndefined();
		const request = f.lastRequest()!;
		expect(`${request.method} ${request.path}`).toBe(`${entry.method} /api${entry.path}`);
		expect(request.query).toEqual({ entrypoint: 'https://example.com/entry.xsd', ...(entry.hashed ? { isHashed: 'true' } : {}) });
		if (entry.method !== 'GET') expect(request.body).toMatchObject({ probe, nested: { a: 1 } });
		if (entry.content) expect((request.body as Record<string, string>)[entry.content]).toBe(Buffer.from(INSTANCE).toString('base64'));

		if (entry.job) {
			// 202 and the job ID, like the confirmed validations.
			expect(request.status).toBe(202);
			expect(json[0].jobId).toMatch(/^[0-9A-F]{16}$/);
			return;
		}
		expect(json[0]).toMatchObject({ inferred: true });
		if (entry.content) expect(json[0].received).toMatchObject({ contentField: entry.content, contentSha256: sha256(INSTANCE) });
		if (entry.returns) {
			const binary = items[0].binary ?? {};
			const marked = entry.returns.filter((name) => String(json[0][name]).startsWith('binary:'));
			expect(marked.length).toBeGreaterThan(0);
			for (const field of marked) {
				expect(String(json[0][field])).toMatch(/^binary:/);
				const key = String(json[0][field]).slice('binary:'.length);
				expect(binary[key].mimeType).toMatch(SNIFFED[field]);
			}
		}
	});

	it('an inferred validation waits for completion like the confirmed ones', async () => {
		const { json, error } = await f.run(
			{ resource: 'validation', operation: 'full', body: '{}', query: '{}', fileBinaryProperty: 'data', waitForCompletion: true, pollIntervalSeconds: 0.1 },
			{ input: withInstance() },
		);
		expect(error).toBeUndefined();
		expect(json[0]).toMatchObject({ jobStatus: 'success', statusChecks: 2, validations: [{ validationResult: 'valid', messages: [{ message: 'full: 3 facts checked' }] }] });
	});

	it('a stored file ID goes in the content field where the field takes IDs', async () => {
		const id = f.sandbox.control.storeFile('in.csv', 'concept,value');
		const { json } = await f.run({ resource: 'inputImport', operation: 'csvImport', body: '{}', query: '{}', fileSource: 'fileId', fileFileId: id });
		expect(f.lastRequest()!.body).toEqual({ base64Content: id });
		expect(json[0].received).toMatchObject({ contentSha256: sha256('concept,value') });
	});

	it('Answer File Fields names other base64 fields; a body that is not a JSON object is refused before sending', async () => {
		const renamed = await f.run({ resource: 'rendering', operation: 'render', body: '{}', query: '{}', fileBinaryProperty: 'data', answerFields: 'pdfContent' }, { input: withInstance() });
		expect(Object.keys(renamed.items[0].binary!).sort()).toEqual(['data', 'pdf']);
		expect(String(renamed.json[0].htmlContent)).not.toMatch(/^binary:/);

		const bad = await f.run({ resource: 'taxonomy', operation: 'extensionPivot', body: '[1, 2]', query: '{}' });
		expect(bad.error?.message).toBe('Invalid input in item 0: "Body (JSON)": must be a JSON object');
		expect(f.apiCalls()).toEqual(['POST /rendering/instance/render']);
	});
});
