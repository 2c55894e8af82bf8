import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from './helpers/build.ts';
import { REPO_ROOT } from './helpers/paths.ts';
import { tempDir } from './helpers/tmp.ts';

/**
 * action.yml's steps run as GitHub runs a composite action: each `run` under `bash --noprofile
 * --norc -eo pipefail`, with the step's `env` (its `${{ … }}` expressions filled in as GitHub
 * would), the variables the runner sets (GITHUB_WORKSPACE, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY,
 * GITHUB_EVENT_PATH, RUNNER_TEMP) and the workspace as the working directory. Only `npm` is a stand-
 * in (no registry here): it records what it was asked to install and links this checkout instead.
 */

interface Step { id: string; run: string; shell: string; env?: Record<string, string> }
const action = parseYaml(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
};
const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };

const HEADER = 'url,category_code,category_description,date_added,source,notes';
const row = (url: string, extra = 'NEWS,News Media,2026-11-23,tekser,'): string => `${url},${extra}`;

interface ActionRun { code: number; log: string; summary: string; outputs: Record<string, string>; npmArgs: string[] }

function fakeNpm(dir: string): { bin: string; argsFile: string } {
  const bin = join(dir, 'fake-bin');
  mkdirSync(bin, { recursive: true });
  const argsFile = join(dir, 'npm-args');
  writeFileSync(
    join(bin, 'npm'),
    `#!/bin/bash\nprintf '%s\\n' "$@" > ${JSON.stringify(argsFile)}\nwhile [ $# -gt 0 ]; do [ "$1" = --prefix ] && prefix="$2"; shift; done\nmkdir -p "$prefix/node_modules" && ln -s ${JSON.stringify(REPO_ROOT)} "$prefix/node_modules/tekser"\n`,
  );
  chmodSync(join(bin, 'npm'), 0o755);
  return { bin, argsFile };
}

/** GitHub's expressions as action.yml uses them: inputs, the action's path, an earlier step's outputs. */
function fill(value: string, inputs: Record<string, string>, outputs: Record<string, Record<string, string>>): string {
  return value.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, expr: string) => {
    const [head, a, b, c] = expr.split('.');
    if (head === 'inputs' && a) return inputs[a] ?? action.inputs[a]?.default ?? '';
    if (head === 'github' && a === 'action_path') return REPO_ROOT;
    if (head === 'steps' && a && b === 'outputs' && c) return outputs[a]?.[c] ?? '';
    throw new Error(`expression not handled by the test: ${expr}`);
  });
}

const readOutputs = (file: string): Record<string, string> =>
  Object.fromEntries(
    (existsSync(file) ? readFileSync(file, 'utf8') : '')
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );

function runAction(workspace: string, inputs: Record<string, string>, event: object = { action: 'opened' }): ActionRun {
  const dir = tempDir('action-runner');
  const npm = fakeNpm(dir);
  const eventPath = join(dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(event));
  const summaryFile = join(dir, 'step-summary.md');
  const outputs: Record<string, Record<string, string>> = {};
  let log = '';
  let code = 0;
  for (const step of action.runs.steps) {
    const outFile = join(dir, `output-${step.id}`);
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, fill(String(v), inputs, outputs)]));
    const env = {
      PATH: `${npm.bin}:${process.env.PATH}`,
      HOME: dir,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKFLOW: 'lint lists',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_WORKSPACE: workspace,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_OUTPUT: outFile,
      RUNNER_TEMP: join(dir, 'runner-temp'),
      ...stepEnv,
    };
    expect(step.shell).toBe('bash');
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], { cwd: workspace, env, encoding: 'utf8' });
    log += r.stdout + r.stderr;
    outputs[step.id] = readOutputs(outFile);
    code = r.status ?? -1;
    if (code !== 0) break;
  }
  const actionOutputs = Object.fromEntries(Object.entries(action.outputs).map(([k, v]) => [k, fill(v.value, {}, outputs)]));
  const npmArgs = existsSync(npm.argsFile) ? readFileSync(npm.argsFile, 'utf8').trim().split('\n') : [];
  return { code, log, summary: existsSync(summaryFile) ? readFileSync(summaryFile, 'utf8') : '', outputs: actionOutputs, npmArgs };
}

function listsRepo(files: Record<string, string>): string {
  const ws = tempDir('action-ws');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(ws, name, '..'), { recursive: true });
    writeFileSync(join(ws, name), text);
  }
  return ws;
}

const GLOBAL = [HEADER, row('https://www.example.com/', 'CTRL,Control content,2026-11-23,tekser,'), row('https://global.example.org/')].join('\n') + '\n';

beforeAll(() => ensureBuilt(), 120_000);

describe('the GitHub Action (action.yml, run step by step as GitHub runs it)', () => {
  it('is a composite action whose scripts hold no ${{ }} expression (inputs reach them through env only)', () => {
    expect(action.runs.using).toBe('composite');
    for (const step of action.runs.steps) expect(step.run).not.toContain('${{');
    expect(Object.keys(action.inputs).sort()).toEqual(['changed-only', 'fail-on', 'format', 'global', 'paths', 'sarif']);
    expect(action.inputs.format?.default).toBe('annotations');
  });

  it("the README's workflow for a test-lists repository uses this action with inputs it declares", () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const block = /`\.github\/workflows\/lint-lists\.yml`:\n\n```yaml\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const workflow = parseYaml(block) as { jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, unknown> }> }> };
    const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
    const ours = steps.find((st) => st.uses?.startsWith('OWNER/tekser@'));
    expect(Object.keys(ours?.with ?? {}).filter((k) => !(k in action.inputs))).toEqual([]);
    expect(Object.keys(ours?.with ?? {})).toEqual(expect.arrayContaining(['paths', 'changed-only', 'sarif']));
    expect(steps.find((st) => st.uses?.startsWith('actions/checkout@'))?.with?.['fetch-depth']).toBe(0);
    expect(steps.find((st) => st.uses?.startsWith('github/codeql-action/upload-sarif@'))?.with?.sarif_file).toBe(ours?.with?.sarif);
  });

  it('installs exactly its own version of tekser from the npm registry, then annotates, summarises and fails on errors', () => {
    const ws = listsRepo({
      'lists/global.csv': GLOBAL,
      'lists/kz.csv': [HEADER, row('https://orda.kz/'), row('https://bad.kz'), row('https://global.example.org/')].join('\n') + '\n',
    });
    const r = runAction(ws, {});
    expect(r.npmArgs).toContain(`tekser@${pkg.version}`);
    expect(r.npmArgs.filter((a) => a.startsWith('tekser')).length).toBe(1);
    expect(r.npmArgs.some((a) => /^(https?:|git[+:]|github:)/.test(a))).toBe(false);
    expect(r.code).toBe(1);
    expect(r.log).toContain('tekser lint lists --format github');
    expect(r.log).toMatch(/^::error file=lists\/kz\.csv,line=3,title=url-no-trailing-slash::/m);
    expect(r.log).toMatch(/^::error file=lists\/kz\.csv,line=4,title=duplicate-global::/m);
    expect(r.outputs).toEqual({ errors: '2', warnings: '0', files: '2', 'sarif-file': '' });
    expect(r.summary).toContain('**2 error(s), 0 warning(s)** in 2 file(s)');
    expect(r.summary).toMatch(/^\| `duplicate-global` \| error \| 1 \|$/m);
    expect(r.summary).toMatch(/^\| lists\/kz\.csv \| 3 \| `url-no-trailing-slash` \| /m);
  });

  it('writes a SARIF 2.1.0 file code scanning can read, with repository-relative paths', () => {
    const ws = listsRepo({ 'lists/global.csv': GLOBAL, 'lists/kz.csv': [HEADER, row('https://bad.kz')].join('\n') + '\n' });
    const r = runAction(ws, { sarif: 'out/lint.sarif', format: 'text' });
    expect(r.code).toBe(1);
    expect(r.log).toMatch(/^lists\/kz\.csv:2: error /m);
    expect(r.outputs['sarif-file']).toBe('out/lint.sarif');
    const sarif = JSON.parse(readFileSync(join(ws, 'out/lint.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('tekser');
    expect(run.tool.driver.version).toBe(pkg.version);
    expect(run.results).toHaveLength(1);
    expect(run.results[0].ruleId).toBe('url-no-trailing-slash');
    expect(run.results[0].locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'lists/kz.csv' }, region: { startLine: 2 } });
    expect(run.tool.driver.rules[run.results[0].ruleIndex].id).toBe('url-no-trailing-slash');
  });

  it('fail-on: warnings fails on a warning that errors lets through', () => {
    const files = { 'lists/global.csv': GLOBAL, 'lists/kz.csv': [HEADER, row('https://orda.kz/'), row('http://orda.kz/')].join('\n') + '\n' };
    const lenient = runAction(listsRepo(files), {});
    expect(lenient.code).toBe(0);
    expect(lenient.log).toMatch(/^::warning file=lists\/kz\.csv,line=3,title=url-variant::/m);
    expect(lenient.outputs.warnings).toBe('1');
    expect(runAction(listsRepo(files), { 'fail-on': 'warnings' }).code).toBe(1);
  });

  it('a bad input or a missing path exits 2 with one error annotation', () => {
    const ws = listsRepo({ 'lists/global.csv': GLOBAL });
    const bad = runAction(ws, { 'fail-on': 'sometimes' });
    expect(bad.code).toBe(2);
    expect(bad.log).toContain('::error title=tekser lint::input fail-on: "sometimes" is not one of errors, warnings');
    const missing = runAction(ws, { paths: 'nowhere' });
    expect(missing.code).toBe(2);
    expect(missing.log).toMatch(/^::error title=tekser lint::nowhere: /m);
  });
});

describe('the action with changed-only (a throwaway git repository with a base branch)', () => {
  const git = (cwd: string, ...args: string[]): string => {
    const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout.trim();
  };
  /** main: three lists (kz.csv already broken); the pull request's branch changes `change`. */
  function pullRequest(change: Record<string, string>): { ws: string; event: object } {
    const ws = listsRepo({
      'lists/global.csv': GLOBAL,
      'lists/kz.csv': [HEADER, row('https://broken.kz')].join('\n') + '\n',
      'lists/ru.csv': [HEADER, row('https://meduza.io/')].join('\n') + '\n',
      'README.md': 'lists\n',
    });
    git(ws, 'init', '-q', '-b', 'main');
    git(ws, 'add', '.');
    git(ws, 'commit', '-q', '-m', 'base');
    const base = git(ws, 'rev-parse', 'HEAD');
    git(ws, 'checkout', '-q', '-b', 'pr');
    for (const [name, text] of Object.entries(change)) writeFileSync(join(ws, name), text);
    git(ws, 'commit', '-q', '-am', 'change');
    return { ws, event: { action: 'synchronize', number: 7, pull_request: { number: 7, base: { ref: 'main', sha: base }, head: { ref: 'pr' } } } };
  }

  it('lints only the changed list, with the global list (still checked for duplicates)', () => {
    const { ws, event } = pullRequest({ 'lists/ru.csv': [HEADER, row('https://meduza.io/'), row('https://global.example.org/')].join('\n') + '\n', 'README.md': 'more\n' });
    const r = runAction(ws, { 'changed-only': 'true' }, event);
    expect(r.log).toContain('tekser lint lists/global.csv lists/ru.csv --format github');
    expect(r.log).toMatch(/^::error file=lists\/ru\.csv,line=3,title=duplicate-global::/m);
    expect(r.log).not.toContain('kz.csv');
    expect(r.code).toBe(1);
    expect(r.outputs.files).toBe('2');
    expect(r.summary).toMatch(/changed-only: 1 changed list\(s\) against [0-9a-f]{12}, with the global list\./);
  });

  it('a change to the global list lints every list (each is checked against it)', () => {
    const { ws, event } = pullRequest({ 'lists/global.csv': GLOBAL + row('https://meduza.io/') + '\n' });
    const r = runAction(ws, { 'changed-only': 'true' }, event);
    expect(r.log).toContain('tekser lint lists --format github');
    expect(r.log).toMatch(/^::error file=lists\/kz\.csv,line=2,title=url-no-trailing-slash::/m);
    expect(r.log).toMatch(/^::error file=lists\/ru\.csv,line=2,title=duplicate-global::/m);
    expect(r.summary).toContain('every list linted (lists/global.csv changed');
  });

  it('a pull request that changes no list lints nothing and passes', () => {
    const { ws, event } = pullRequest({ 'README.md': 'only words\n' });
    const r = runAction(ws, { 'changed-only': 'true' }, event);
    expect(r.code).toBe(0);
    expect(r.log).toContain('no list changed; nothing to lint');
    expect(r.outputs.files).toBe('0');
  });
});
