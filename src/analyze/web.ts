/** The web verdict lives in ./web/ as ordered rule files; this module keeps the public import path. */
export { analyzeWeb, analyzeWebTarget, decidingRule, WEB_RULES, type AnalysisKnowledge, type WebContext, type WebRule } from './web/index.ts';
