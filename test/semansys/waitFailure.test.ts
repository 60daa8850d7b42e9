/** Wait for Completion when the job's result cannot be read: the job was started once, and the error says so. */
import { useSemansys, withInstance, type SemansysFixture } from './setup';

const fixture = useSemansys();
let f: SemansysFixture;
beforeAll(() => (f = fixture()));

it('the status cannot be read: Outcome known, the job ID to ask later, and the validation is not started again', async () => {
	f.sandbox.faults.add({ kind: 'status502', times: 10, match: { method: 'GET', path: '/api/validation/status/:id' } });
	const { error } = await f.run(
		{ resource: 'validation', operation: 'filingRules', instanceBinaryProperty: 'data', waitForCompletion: true, pollIntervalSeconds: 0.1, requestOptions: { maxAttempts: 2, maxTotalWaitSeconds: 5, timeoutSeconds: 5 } },
		{ input: withInstance() },
	);
	const jobId = [...f.sandbox.state.jobs.values()].at(-1)!.jobId;
	expect(error?.message).toMatch(/Bad Gateway/);
	expect(error?.description).toContain(`Outcome known: validation job ${jobId} was started at Semansys`);
	expect(error?.description).toContain(`Get Status (job ID ${jobId})`);
	expect(f.apiCalls()).toEqual(['POST /validation/instance/filing-rules', `GET /validation/status/${jobId}`, `GET /validation/status/${jobId}`]);
});
