/**
 * Runs in every test file (jest setupFilesAfterEnv): console lines (ours and n8n's logger's) are scanned for
 * registered secrets as they are written, and a test that printed one fails. See secrets.ts.
 */
import { installConsoleCapture, takeLeaks } from './console-capture';
import { flushSecretScanStats } from './secrets';

// n8n's logger lines are scanned too, then held back unless the test fails or SHOW_N8N_LOGS=1 (console-capture.ts).
installConsoleCapture();

afterEach(() => {
	const leaks = takeLeaks();
	if (leaks.length) throw new Error(leaks.join('\n'));
});

afterAll(() => flushSecretScanStats());
