/**
 * Starts the TheNextInvoice sandbox until SIGINT/SIGTERM, for manual tries and demos:
 *   npx ts-node --transpile-only test/sandbox/thenextinvoice/run-thenextinvoice.ts [--port 4720] [--seed 25]
 * `--seed N` seeds N invoices, N customers and N products (and, when N > 0, the docs' example e-mail and SMS
 * templates). The printed credentials are the sandbox's fixed test credentials, not real ones.
 */
import { numberArg, runSandboxCli } from '../framework/cli';
import { startTheNextInvoiceSandbox } from './index';

runSandboxCli({
	title: 'TheNextInvoice',
	start: async (port) => {
		const seed = numberArg('seed', 0);
		return await startTheNextInvoiceSandbox({ port, seedInvoices: seed, seedCustomers: seed, seedProducts: seed, seedTemplates: seed > 0 });
	},
	describe: (sandbox) => [
		`X-Api-Token: ${sandbox.apiToken}`,
		`login:       ${sandbox.email} / ${sandbox.password}  (POST /session/jwt)`,
		`companies:   ${sandbox.companyIds.join(', ')}`,
	],
});
