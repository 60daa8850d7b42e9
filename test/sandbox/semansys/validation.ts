/**
 * Validation jobs: POST answers 202 with the job's locations; its status answers 202 until the job is done
 * (after `jobPolls` polls, or `jobMs` milliseconds when set), then 200 with the result.
 */
import { randomBytes } from 'node:crypto';
import { isPlainObject, type SandboxRoute } from '../framework';
import { BASE_PATH, fail, idOrBase64, ok, requireString, type SemansysContext, type ValidationJob } from './context';
import { factsOf } from './samples';

/** The documented instance validations take exactly these fields. */
const DOCUMENTED = ['xbrl-calculation', 'formula-assertions', 'filing-rules'];
const INSTANCE_KINDS = [...DOCUMENTED, 'xbrl-core', 'xbrl-dimensions', 'inline-xbrl', 'uniform', 'duplicates', 'utr-list', 'full', 'non-present-facts'];
const PACKAGE_KINDS = ['esma-esef', 'sbr-2-0'];

export function jobDone(ctx: SemansysContext, job: ValidationJob): boolean {
	return job.polls > ctx.jobPolls || (ctx.jobMs !== undefined && Date.now() - job.createdAt >= ctx.jobMs);
}

/** A non-numeric value in a fact with decimals is an error; everything else is valid. */
function result(job: ValidationJob, filtered: boolean) {
	const facts = factsOf(job.content);
	const errors = facts
		.filter((f) => f.decimals !== undefined && !/^-?\d+(\.\d+)?$/.test(f.value))
		.map((f) => ({ category: 'Error', type: 'Error', code: 'xbrl.4.6.3', message: `Fact ${f.concept} has a non-numeric value "${f.value}"`, attributes: [{ name: 'concept', value: f.concept }] }));
	const notification = { category: 'Info', type: 'Notification', code: '2009', message: `${job.kind}: ${facts.length} facts checked`, attributes: [{ name: 'fileName', value: job.fileName ?? '' }] };
	const messages = filtered ? errors : [notification, ...errors];
	return {
		jobStatus: 'success',
		startDateTime: new Date(job.createdAt).toISOString(),
		endDateTime: new Date().toISOString(),
		validations: [{ validationType: 0, validationResult: errors.length ? 'invalid' : 'valid', messages }],
	};
}

export function validationRoutes(ctx: SemansysContext): SandboxRoute[] {
	const start = (kind: string, documented: boolean) => (req: { body: unknown }) => {
		if (!isPlainObject(req.body)) throw fail(400, 'A JSON body is required');
		const fields = req.body;
		if (documented) {
			const unknown = Object.keys(fields).filter((key) => !['idOrBase64Content', 'fileName', 'esmaYear'].includes(key));
			if (unknown.length) throw fail(400, `${unknown.join(', ')}: is not a field of this endpoint`);
		}
		const esmaYear = requireString(fields, 'esmaYear', { optional: true });
		if (esmaYear !== undefined && !/^\d{4}$/.test(esmaYear)) throw fail(400, 'esmaYear: must be a year');
		const content = idOrBase64(ctx, fields, 'idOrBase64Content').toString('utf8');
		if (!content.trimStart().startsWith('<')) throw fail(400, 'idOrBase64Content: is not an XBRL document');
		const job: ValidationJob = {
			jobId: randomBytes(8).toString('hex').toUpperCase(),
			kind,
			createdAt: Date.now(),
			polls: 0,
			content,
			fileName: requireString(fields, 'fileName', { optional: true }),
		};
		ctx.jobs.set(job.jobId, job);
		return { status: 202, body: { location: `/status/${job.jobId}`, filteredLocation: `/filtered-status/${job.jobId}`, jobId: job.jobId } };
	};
	const status = (filtered: boolean) => (req: { params: Record<string, string> }) => {
		const job = ctx.jobs.get(req.params.id);
		if (!job) throw fail(404, `No validation job ${req.params.id}`);
		job.polls += 1;
		if (!jobDone(ctx, job)) return { status: 202 };
		return ok(result(job, filtered));
	};
	return [
		...INSTANCE_KINDS.map((kind): SandboxRoute => ({ method: 'POST', path: `${BASE_PATH}/validation/instance/${kind}`, handler: start(kind, DOCUMENTED.includes(kind)) })),
		...PACKAGE_KINDS.map((kind): SandboxRoute => ({ method: 'POST', path: `${BASE_PATH}/validation/report-package/${kind}`, handler: start(kind, false) })),
		{ method: 'GET', path: `${BASE_PATH}/validation/status/:id`, handler: status(false) },
		{ method: 'GET', path: `${BASE_PATH}/validation/filtered-status/:id`, handler: status(true) },
	];
}
