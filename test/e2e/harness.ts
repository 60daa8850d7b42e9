/**
 * Types and assertion helpers for e2e cases. Cases live in files test/e2e/cases/<vendor>-<name>.ts whose default
 * export is an E2eCase (or an array of them); run-e2e.ts discovers them, imports their workflows into a real n8n,
 * executes them all in one n8n process and calls each check().
 */
import { isDeepStrictEqual } from 'node:util';
import type { CredentialImport, WorkflowRun } from '../../scripts/n8n-runtime';
import type { WorkflowJson } from '../../scripts/workflow-files';
import type { CredentialTestResult } from '../../scripts/n8n-server';
import type { FiskalySandbox } from '../sandbox/fiskaly';
import type { InvoicingApiSandbox } from '../sandbox/invoicing-api';
import type { SemansysSandbox } from '../sandbox/semansys';
import type { TheNextInvoiceSandbox } from '../sandbox/thenextinvoice';
import type { ModelScenario, OpenAiStub } from './openai-stub';

export type { WorkflowRun } from '../../scripts/n8n-runtime';

export interface E2eContext {
	/** The running fiskaly sandbox, as startFiskalySandbox() returned it. */
	fiskaly: FiskalySandbox;
	/** The running TheNextInvoice sandbox. */
	theNextInvoice: TheNextInvoiceSandbox;
	/** The running Invoicing API sandbox. */
	invoicingApi: InvoicingApiSandbox;
	/** The running Semansys sandbox. */
	semansys: SemansysSandbox;
	/** The local OpenAI-compatible chat model (test/e2e/openai-stub.ts) the `{{OPENAI_STUB_*}}` credential points at. */
	openAi: OpenAiStub;
	/** The started n8n, for a `published` case only (its check runs while n8n runs, after its workflow is published). */
	n8n?: LiveN8n;
	/** Every node type the n8n under test has loaded (`n8n export:nodes`). */
	nodeTypes: string[];
	/** Values of the `{{NAME}}` placeholders (see scripts/sandboxes.ts). */
	placeholders: Record<string, string>;
	/** Records a check; returns cond so a case can stop early: `if (!expect(run.ok, '...')) return;` */
	expect(cond: unknown, message: string): boolean;
	/** Deep equality (node:util isDeepStrictEqual); shows both values on failure, so keep secrets out of it. */
	equal(actual: unknown, expected: unknown, message: string): boolean;
	/**
	 * n8n's credential test run for every sandbox credential, as given (`ok`) and with its secret fields replaced
	 * by a wrong value (`wrongSecret`); filled when a case sets `needsServer`.
	 */
	credentialTests: Record<string, { ok: CredentialTestResult; wrongSecret: CredentialTestResult; wrongValue: string }>;
	/** Marks the case skipped (not counted as passed or failed), e.g. while the code under test does not exist yet. */
	skip(reason: string): void;
}

export interface LiveN8n {
	/** `http://127.0.0.1:<port>` */
	url: string;
	/** The owner's session cookie, for REST calls. */
	cookie: string;
}

export interface E2eCase {
	name: string;
	/**
	 * n8n workflow JSON with a fixed id (letters and digits, at least one digit), started by a Manual Trigger.
	 * Strings may contain `{{NAME}}` placeholders. Omit it for checks that need no execution.
	 */
	workflow?: WorkflowJson;
	/**
	 * How to run the workflow. 'cli' (all such cases in one `n8n execute-batch` process) needs a Manual Trigger;
	 * 'manual' runs it like the editor's "Execute workflow" button in a started n8n (~10 s extra, once), from its
	 * first trigger node, so a polling trigger returns its sample. Default: 'cli' when there is a Manual Trigger.
	 */
	mode?: 'cli' | 'manual';
	/**
	 * The workflow is published (as the editor's Publish button does) in a started n8n instead of being executed, and
	 * check() runs while that n8n is running, with `ctx.n8n` set: for webhook and MCP Server Trigger workflows, whose
	 * check makes the calls itself. `run` is then a placeholder (status 'published').
	 */
	published?: boolean;
	/** Replies of the local chat model (ctx.openAi) for this case's AI Agent workflows. Placeholders allowed. */
	modelScenarios?: ModelScenario[];
	/** Extra credentials to import (the sandboxes' own credentials are always imported). Placeholders allowed. */
	credentials?: CredentialImport[];
	/** Start a real n8n server for this case (e.g. to run credential tests through its REST API). */
	needsServer?: boolean;
	/**
	 * The n8n package the case tests; it runs again with that package installed alone. Default: from the file name
	 * (fiskaly-*, thenextinvoice-*, invoicing-api-*, semansys-*). Cases of no package run only with all four.
	 */
	package?: string;
	/** `run` is the execution of `workflow` (status 'not-run' when the case has none). */
	check(run: WorkflowRun, ctx: E2eContext): void | Promise<void>;
}

export interface CheckRecord {
	ok: boolean;
	message: string;
}

export function preview(value: unknown, max = 300): string {
	const text = JSON.stringify(value) ?? String(value);
	return text.length > max ? `${text.slice(0, max)}...` : text;
}

/** The assertion half of the context, recording into `records`. */
export function makeAssertions(records: CheckRecord[], onSkip: (reason: string) => void) {
	const expect = (cond: unknown, message: string) => {
		records.push({ ok: Boolean(cond), message });
		return Boolean(cond);
	};
	const equal = (actual: unknown, expected: unknown, message: string) =>
		expect(isDeepStrictEqual(actual, expected), isDeepStrictEqual(actual, expected)
			? message
			: `${message}: expected ${preview(expected)}, got ${preview(actual)}`);
	return { expect, equal, skip: onSkip };
}
