/**
 * State changes done once (finalize, send, credit, register a payment, enable an environment, ...). Run a workflow
 * again after a crash or a failed execution and the records it already moved are not an error: the item succeeds
 * with the current record and `alreadyDone: true` (If Already Done = Succeed, the default), or fails saying so
 * (Fail). Whether a record is already there is asked of the vendor, never assumed: read first where the vendor would
 * not refuse a repeat (an e-mail goes out twice), or, where it refuses one, that refusal recognised precisely (its
 * status and words, from the vendor's docs) and confirmed by reading the record. A refusal for any other reason
 * still fails.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import type { OperationRun } from './operations';

export interface StateChange<TInput> {
	/** The target state in words, for messages: "finalized", "sent by e-mail". */
	state: string;
	/**
	 * Asks the vendor whether the record is in the target state: the answer the change would have given (the
	 * operation's `output` shapes it like a fresh answer), or `undefined` when it is not.
	 */
	isDone(input: TInput, run: OperationRun<TInput>): Promise<unknown>;
	/**
	 * `isDone` is asked before anything is sent (the vendor would apply a repeat: an e-mail goes out twice). Either
	 * way `isDone` also settles an unknown outcome, unless the operation has its own `recover`.
	 */
	askFirst?: boolean;
	/** The vendor's refusal that says the change already happened; see `refusedWith`. */
	refusal?(error: unknown): boolean;
}

/** If Already Done, shown with every state-change operation. */
export const ifAlreadyDoneProperty: INodeProperties = {
	displayName: 'If Already Done',
	name: 'ifAlreadyDone',
	type: 'options',
	options: [
		{ name: 'Succeed', value: 'succeed', description: 'The item succeeds with the current record and alreadyDone: true (a re-run finishes the job)' },
		{ name: 'Fail', value: 'fail', description: 'The item fails with an error saying the record is already in that state' },
	],
	default: 'succeed',
	description: 'What to do when the record is already in the state this operation moves it to, e.g. after a workflow ran again',
};

/** A vendor refusal with this HTTP status whose message matches: precise, so other refusals still fail. */
export function refusedWith(error: unknown, status: number, message: RegExp): boolean {
	if (!(error instanceof NodeApiError)) return false;
	return Number(error.httpCode) === status && message.test(`${error.message} ${error.description ?? ''}`);
}

/** The change was found done before this item sent it: succeed with the current record, or fail if asked to. */
export function alreadyDone(run: OperationRun<unknown>, change: StateChange<unknown>): void {
	const choice = run.context.getNodeParameter('ifAlreadyDone', run.itemIndex, 'succeed') as string;
	if (choice !== 'fail') return;
	throw new NodeOperationError(run.context.getNode(), `Already ${change.state}: nothing was sent`, {
		itemIndex: run.itemIndex,
		description: `The record is already ${change.state} (If Already Done = Fail). Choose Succeed to let a re-run pass over it.`,
	});
}

/** Marks every output item of a state change with whether it was already done. */
export const markDone = (items: IDataObject[], done: boolean): IDataObject[] => items.map((json) => ({ ...json, alreadyDone: done }));

/**
 * How long a write whose outcome is unknown may still take to land at the vendor (a request the vendor handles
 * after the client gave up): its lookup is asked again after this long before the write counts as not done.
 */
export async function settle(settleMs: number): Promise<void> {
	if (settleMs > 0) await sleep(settleMs);
}
