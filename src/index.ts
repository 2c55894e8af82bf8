/**
 * tekser as a library: everything the CLI does, callable without spawning it. Importing this module
 * has no side effects (no listeners, no I/O).
 */

// The measurement model: every schema, type and enum (targets, observations, measurements,
// verdicts, findings, runs) and the failure vocabulary.
export * from './model/index.ts';

// Lists and lint
export { parseCsv, CSV_HEADER, type CsvRecord } from './lists/csv.ts';
export { parseServices, prefixMatcher } from './lists/services.ts';
export { splitHostPort, joinHostPort, bareHost, defaultPort } from './net/endpoint.ts';
export { BUILTIN_CATEGORIES, parseCategoryLegend } from './lists/categories.ts';
export { TekserError, UsageError, ConfigError, UnreadableListError, BadListError, BadInputError, LockedError, HelperRequestError, ConnectError, ERROR_CODES, EXIT, isTekserError, type ErrorCode } from './errors.ts';
export { webTargetsFromCsv, webTargetsFromUrls } from './lists/targets.ts';
export { serviceTargetsFromYaml } from './lists/service-targets.ts';
export { type ListProblem } from './lists/problem.ts';
export { lintPaths, type LintReport, type LintOptions } from './lint/lint-paths.ts';
export { LINT_RULES } from './lint/rules.ts';
export { formatLintReport, LINT_FORMATS } from './lint/format.ts';

// Network primitives
export { resolveHost, queryUdp, queryTcp, queryDoh, lookupSystem, parseResolver, type ResolverSpec } from './net/dns.ts';
export { tcpConnect, tcpProbe } from './net/tcp.ts';
export { tlsHandshake, publicTrustStore, pinnedTrustStore, type TrustStore } from './net/tls.ts';
export { httpRequest } from './net/http.ts';
export { classifyError } from './net/failure.ts';
export { startClock } from './net/clock.ts';

// Measurement
export { measureWeb } from './measure/web.ts';
export { measureService } from './measure/service.ts';
export { emptyWebMeasurement } from './measure/empty.ts';
export { measureTarget, runTargets, runPipeline, analyzePipeline } from './pipeline.ts';
export { compactFindingRecord } from './findings/compact.ts';
export { jsonlRenderer, jsonDocumentRenderer, tableRenderer, chooseRenderer, type ResultRenderer } from './report/render.ts';

// Ingest: OONI measurements and stored runs onto the model (`tekser analyze`)
export { ingestOoni, SUPPORTED_NETTESTS, type OoniVerdict, type IngestedMeasurement } from './ingest/ooni.ts';
export { storedToModel } from './ingest/stored.ts';
export { ingestFiles, serviceLookup, newSourceState } from './ingest/sources.ts';
export { readJsonValues } from './ingest/read.ts';
export { compareVerdicts, compareWithSource, type Agreement } from './ingest/agreement.ts';
export type { IngestItem, IngestSource } from './ingest/item.ts';
export { DEFAULT_TIMEOUTS, controlDispatcher, type MeasureContext } from './measure/context.ts';

// Analysis (pure)
export { analyzeWeb } from './analyze/web.ts';
export { analyzeService } from './analyze/service.ts';
export { analyzeDns } from './analyze/dns.ts';
export { findFindings, FINDING_RULES, FINDINGS, findingRecord, findingRecordOf } from './findings/index.ts';
export { WEB_RULES } from './analyze/web.ts';
export { matchInterceptionCa } from './analyze/interception.ts';
export { parseInterceptionCaFile, interceptionCaFileSchema } from './analyze/interception-file.ts';
export { BUILTIN_INTERCEPTION_CAS } from './data/interception-cas.ts';

// Reports and storage
export { serializeResult, runDocument, summarize } from './report/json.ts';
export { toOoni } from './report/ooni.ts';
export { diffRuns } from './store/diff.ts';
export { listRuns, findRun, readResults } from './store/runs.ts';
export { configSchema } from './config/config.ts';

// The CLI itself, for embedding
export { runCli } from './cli/main.ts';
export { memoryIO, type CommandIO } from './cli/io.ts';
