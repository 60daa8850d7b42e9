/**
 * jest's node environment, plus: when a test fails, the n8n log lines it produced are printed with it
 * (console-capture.ts holds them back otherwise, so that the output shows the failures, not the expected errors).
 */
import type { Circus } from '@jest/types';
import { TestEnvironment } from 'jest-environment-node';

import { N8N_LOGS_KEY, type N8nLogBuffer } from './console-capture';

function fullName(test: Circus.TestEntry): string {
	const names: string[] = [test.name];
	for (let block: Circus.DescribeBlock | undefined = test.parent; block && block.parent; block = block.parent) names.unshift(block.name);
	return names.join(' › ');
}

export default class LogEnvironment extends TestEnvironment {
	handleTestEvent(event: Circus.Event): void {
		const logs = (this.global as unknown as Record<symbol, N8nLogBuffer | undefined>)[N8N_LOGS_KEY];
		if (!logs) return;
		if (event.name === 'test_start') logs.clear();
		else if (event.name === 'test_done' && event.test.errors.length) logs.print(`the failed test "${fullName(event.test)}"`);
		else if (event.name === 'hook_failure') logs.print(`the failed ${event.hook.type} hook${event.test ? ` of "${fullName(event.test)}"` : ''}`);
	}
}
