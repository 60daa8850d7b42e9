/**
 * Starts the fiskaly management sandbox until SIGINT/SIGTERM, for manual tries and demos:
 *   npx ts-node --transpile-only test/sandbox/run-fiskaly.ts [--port 4710] [--seed 100]
 * The printed key/secret are the sandbox's fixed test credentials, not real ones.
 */
import { startFiskalySandbox } from './fiskaly';
import { numberArg, runSandboxCli } from './framework/cli';

runSandboxCli({
	title: 'fiskaly management',
	start: async (port) => await startFiskalySandbox({ port, seedOrganizations: numberArg('seed', 0) }),
	describe: (sandbox) => [`api_key:         ${sandbox.apiKey}`, `api_secret:      ${sandbox.apiSecret}`, `organization_id: ${sandbox.ownOrganizationId}`],
});
