/**
 * tekser as a library: everything the CLI does, callable without spawning it. Importing this module
 * has no side effects (no listeners, no I/O).
 */

// Lists and lint
export { parseCsv, CSV_HEADER, type CsvRecord } from './lists/csv.ts';
export { parseServices, splitHostPort, prefixMatcher } from './lists/services.ts';
export { serviceListSchema, serviceSchema, checkSchema, type Service, type ServiceCheck, type ServiceList } from './lists/services-schema.ts';
export { BUILTIN_CATEGORIES, parseCategoryLegend } from './lists/categories.ts';
export { webTargetsFromCsv, webTargetsFromUrls, serviceTargetsFromYaml, BadListError } from './lists/targets.ts';
export { UnreadableListError, type ListProblem } from './lists/problem.ts';
export { lintPaths, type LintReport, type LintOptions } from './lint/lint-paths.ts';
export { LINT_RULES } from './lint/rules.ts';
export { formatLintReport, LINT_FORMATS } from './lint/format.ts';

// Network primitives
export { resolveHost, queryUdp, queryTcp, queryDoh, lookupSystem, parseResolver, type ResolverSpec } from './net/dns.ts';
export { tcpConnect, tcpProbe } from './net/tcp.ts';
export { tlsHandshake, publicTrustStore, pinnedTrustStore, type TrustStore } from './net/tls.ts';
export { httpRequest } from './net/http.ts';
export { classifyError, FAILURES, type Failure } from './net/failure.ts';
export { startClock } from './net/clock.ts';
export type * from './net/observations.ts';

// Measurement
export { measureWeb } from './measure/web.ts';
export { measureService } from './measure/service.ts';
export { measureTarget, runTargets, targetLabel, type TargetResult } from './measure/run.ts';
export { DEFAULT_TIMEOUTS, controlDispatcher, type MeasureContext } from './measure/context.ts';
export type * from './measure/types.ts';

// Analysis (pure)
export { analyzeWeb } from './analyze/web.ts';
export { analyzeService } from './analyze/service.ts';
export { analyzeDns } from './analyze/dns.ts';
export { findFindings, FINDING_RULES, type Finding } from './analyze/findings.ts';
export { matchInterceptionCa, parseInterceptionCaFile, interceptionCaFileSchema, type InterceptionCa } from './analyze/interception.ts';
export { BUILTIN_INTERCEPTION_CAS } from './data/interception-cas.ts';
export type * from './analyze/verdict.ts';

// Reports and storage
export { runDocumentSchema, targetResultSchema, webResultSchema, serviceResultSchema, findingSchema, runSummaryLineSchema, RUN_SCHEMA_ID } from './report/schema.ts';
export { serializeResult, runDocument, summarize } from './report/json.ts';
export { toOoni } from './report/ooni.ts';
export { diffRuns } from './store/diff.ts';
export { listRuns, findRun, readResults, runRecordSchema } from './store/runs.ts';
export { configSchema } from './config/config.ts';

// The CLI itself, for embedding
export { runCli } from './cli/main.ts';
export { memoryIO, type CommandIO } from './cli/io.ts';
