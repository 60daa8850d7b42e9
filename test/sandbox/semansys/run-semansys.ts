/** `npx ts-node --transpile-only test/sandbox/semansys/run-semansys.ts [--port 4713]`: the sandbox on its own. */
import { startSemansysSandbox } from '.';

const portArg = process.argv.indexOf('--port');
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 4713;
void startSemansysSandbox({ port }).then((sandbox) => {
	const { baseUrl, tokenUrl, clientId, clientSecret, username, password, apiVersion } = sandbox;
	console.log(JSON.stringify({ baseUrl, tokenUrl, clientId, clientSecret, username, password, apiVersion }, null, 2));
});
