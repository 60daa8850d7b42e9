/** Validation jobs (202 + job ID, Wait for Completion) and renderings (files back as binary data). */
import { binaryBytes, INSTANCE, INVALID_INSTANCE, withInstance, useSemansys, type SemansysFixture } from './setup';

const fixture = useSemansys();
let f: SemansysFixture;
beforeAll(() => (f = fixture()));

const b64 = (text: string) => Buffer.from(text).toString('base64');
const validate = (operation: string, extra: Record<string, unknown> = {}) => ({ resource: 'validation', operation, instanceBinaryProperty: 'data', ...extra });

describe('Semansys validation jobs', () => {
	it('without waiting: the job ID and locations come back at once (202), with the documented body', async () => {
		const { json, error } = await f.run(validate('formulaAssertions', { esmaYear: '2023' }), { input: withInstance() });
		expect(error).toBeUndefined();
		expect(f.apiCalls()).toEqual(['POST /validation/instance/formula-assertions']);
		expect(f.lastRequest()!.body).toEqual({ idOrBase64Content: b64(INSTANCE), fileName: 'jaarrekening-2025.xbrl', esmaYear: '2023' });
		expect(f.lastRequest()!.status).toBe(202);
		const jobId = json[0].jobId as string;
		expect(json[0]).toEqual({ jobId, location: `/status/${jobId}`, filteredLocation: `/filtered-status/${jobId}` });

		// Get Status: 202 means still running, then the result.
		const running = await f.run({ resource: 'validation', operation: 'getStatus', jobId });
		expect(running.json).toEqual([{ jobId, finished: false }]);
		const done = await f.run({ resource: 'validation', operation: 'getStatus', jobId });
		expect(done.json[0]).toMatchObject({ jobId, finished: true, jobStatus: 'success', validations: [{ validationResult: 'valid' }] });
		const filtered = await f.run({ resource: 'validation', operation: 'getFilteredStatus', jobId });
		expect(f.lastRequest()!.path).toBe(`/api/validation/filtered-status/${jobId}`);
		expect(filtered.json[0]).toMatchObject({ finished: true, validations: [{ messages: [] }] });
	});

	it('Wait for Completion polls the status until 200 and returns the result', async () => {
		f.sandbox.control.setJobPolls(3);
		const started = Date.now();
		const { json, error } = await f.run(validate('xbrlCalculation', { waitForCompletion: true, pollIntervalSeconds: 0.2, waitTimeoutSeconds: 10 }), { input: withInstance({}, INVALID_INSTANCE) });
		expect(error).toBeUndefined();
		const jobId = json[0].jobId as string;
		expect(f.apiCalls()).toEqual(['POST /validation/instance/xbrl-calculation', ...Array(4).fill(`GET /validation/status/${jobId}`)]);
		expect(f.apiRequests().map((r) => r.status)).toEqual([202, 202, 202, 202, 200]);
		expect(Date.now() - started).toBeGreaterThanOrEqual(550);
		expect(json[0]).toMatchObject({ jobId, statusChecks: 4, jobStatus: 'success', validations: [{ validationResult: 'invalid' }] });
		const messages = (json[0].validations as Array<{ messages: Array<{ code: string; message: string }> }>)[0].messages;
		expect(messages.map((m) => m.code)).toEqual(['2009', 'xbrl.4.6.3']);
	});

	it('Wait for Completion with the filtered status, and a job that finishes after a time', async () => {
		f.sandbox.control.setJobPolls(1000);
		f.sandbox.control.setJobMs(500);
		const { json, error } = await f.run(validate('filingRules', { waitForCompletion: true, statusKind: 'filtered', pollIntervalSeconds: 0.2, waitTimeoutSeconds: 10 }), { input: withInstance({}, INVALID_INSTANCE) });
		expect(error).toBeUndefined();
		expect(f.apiCalls().slice(1).every((call) => call.startsWith('GET /validation/filtered-status/'))).toBe(true);
		expect(f.apiCalls().length).toBeGreaterThanOrEqual(3);
		const messages = (json[0].validations as Array<{ messages: Array<{ type: string }> }>)[0].messages;
		expect(messages.map((m) => m.type)).toEqual(['Error']);
	});

	it('a job still running at the timeout fails the item with its job ID (the job goes on)', async () => {
		f.sandbox.control.setJobPolls(1000);
		const { error } = await f.run(validate('filingRules', { waitForCompletion: true, pollIntervalSeconds: 0.3, waitTimeoutSeconds: 1 }), { input: withInstance() });
		const jobId = [...f.sandbox.state.jobs.values()].at(-1)!.jobId;
		expect(error?.message).toMatch(new RegExp(`^Validation job ${jobId} was still running after [01] s$`));
		expect(error?.description).toContain(`Get Status (job ID ${jobId})`);
		const polls = f.apiCalls().filter((c) => c.startsWith('GET'));
		expect(polls.length).toBeGreaterThanOrEqual(3);
		expect(polls.length).toBeLessThanOrEqual(5);
	});

	it('a Customer Corner file ID instead of a binary field; a bad ID is named', async () => {
		const id = f.sandbox.control.storeFile('stored.xbrl', INSTANCE);
		const { json, error } = await f.run(validate('xbrlCalculation', { instanceSource: 'fileId', instanceFileId: id, fileName: 'stored.xbrl' }));
		expect(error).toBeUndefined();
		expect(f.lastRequest()!.body).toEqual({ idOrBase64Content: id, fileName: 'stored.xbrl' });
		expect(json[0].jobId).toMatch(/^[0-9A-F]{16}$/);

		const bad = await f.run(validate('xbrlCalculation', { instanceSource: 'fileId', instanceFileId: 'file-1' }));
		expect(bad.error?.message).toBe('Invalid input in item 0: "Instance: File ID": must be a file ID (UUID)');
		const missing = await f.run(validate('xbrlCalculation', { instanceSource: 'fileId', instanceFileId: '={{ "" }}' }));
		expect(missing.error?.message).toBe('Invalid input in item 0: "Instance: File ID": is required');
	});

	it('several items: each is validated and waited for on its own; Continue On Fail keeps going', async () => {
		const { json } = await f.run(validate('formulaAssertions', { waitForCompletion: true, pollIntervalSeconds: 0.1 }), {
			input: [...withInstance(), { noFile: true }, ...withInstance({}, INVALID_INSTANCE)],
			continueOnFail: true,
		});
		expect(json.map((item) => (item.error ? 'error' : (item.validations as Array<{ validationResult: string }>)[0].validationResult))).toEqual(['valid', 'error', 'invalid']);
	});
});

describe('Semansys renderings (confirmed)', () => {
	it('Consistent: both formats by default, HTML and PDF as binary data; the base64 text only when asked', async () => {
		const { json, items, error } = await f.run({ resource: 'rendering', operation: 'consistent', reportBinaryProperty: 'data', isHashed: true }, { input: withInstance() });
		expect(error).toBeUndefined();
		expect(f.lastRequest()).toMatchObject({ path: '/api/rendering/instance/consistent', query: { isHashed: 'true' }, body: { reportContentBase64: b64(INSTANCE), fileName: 'jaarrekening-2025.xbrl' } });
		const { html, pdf } = items[0].binary!;
		expect(pdf).toMatchObject({ mimeType: 'application/pdf', fileName: 'jaarrekening-2025.pdf' });
		expect(binaryBytes(pdf).subarray(0, 5).toString()).toBe('%PDF-');
		expect(binaryBytes(pdf).toString('latin1')).toMatch(/%%EOF\n$/);
		expect(html).toMatchObject({ mimeType: 'text/html', fileName: 'jaarrekening-2025.html' });
		expect(binaryBytes(html).toString()).toContain('<td>kvk-i:Revenue</td><td>125000</td>');
		expect(json[0]).toMatchObject({ htmlContent: 'binary:html', pdfContent: 'binary:pdf', hashResult: { Hash_Result: expect.stringMatching(/^[0-9a-f]{64}$/) } });

		const raw = await f.run({ resource: 'rendering', operation: 'consistent', reportBinaryProperty: 'data', outputFormat: 'pdf', keepRawContent: true }, { input: withInstance() });
		expect(f.lastRequest()!.query).toEqual({ outputFormat: 'pdf' });
		expect(raw.json[0].pdfContent).toBe(binaryBytes(raw.items[0].binary!.pdf).toString('base64'));
		expect(raw.json[0].htmlContent).toBeNull();
		// The input report stays on the item next to the rendering, for the next step of a chain.
		expect(Object.keys(raw.items[0].binary!).sort()).toEqual(['data', 'pdf']);
		expect(binaryBytes(raw.items[0].binary!.data).toString()).toBe(INSTANCE);
	});

	it('Tax Report SBR: the documented body; PDF only when included', async () => {
		const { items, json } = await f.run({ resource: 'rendering', operation: 'taxReportSbr', reportBinaryProperty: 'data', isOutputInline: true, includePdfOutput: false, fileName: 'ob-2025.xbrl' }, { input: withInstance() });
		expect(f.lastRequest()!.body).toEqual({ reportContentBase64: b64(INSTANCE), isOutputInline: true, includePdfOutput: false, fileName: 'ob-2025.xbrl' });
		expect(json[0]).toMatchObject({ type: 'OB', htmlContent: 'binary:html', pdfContent: null });
		expect(items[0].binary!.html.fileName).toBe('ob-2025.html');
		expect(items[0].binary!.pdf).toBeUndefined();
	});

	it('a report that is not XBRL is the vendor\'s 400 with its message', async () => {
		const { error } = await f.run({ resource: 'rendering', operation: 'consistent', reportBinaryProperty: 'data' }, { input: withInstance({}, 'plain text') });
		expect(error?.httpCode).toBe('400');
		expect(error?.message).toBe('Semansys: reportContentBase64: the report holds no XBRL facts');
	});
});
