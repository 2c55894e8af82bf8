import type { HttpComparison } from '../model/verdict.ts';
import type { HelperResponse } from '../model/control.ts';
import type { HttpObservation } from '../model/observation.ts';

/** OONI's "common" headers, excluded when looking for headers both sides share. */
const COMMON_HEADERS = new Set([
  'date', 'content-type', 'server', 'cache-control', 'vary', 'set-cookie', 'location', 'expires', 'x-powered-by',
  'content-encoding', 'last-modified', 'accept-ranges', 'pragma', 'x-frame-options', 'etag', 'x-content-type-options',
  'age', 'via', 'p3p', 'x-xss-protection', 'content-language', 'cf-ray', 'strict-transport-security', 'link', 'x-varnish',
  'content-length', 'connection', 'transfer-encoding', 'keep-alive',
]);

function titleWords(title: string): Set<string> {
  return new Set(title.toLowerCase().split(/\s+/).filter((w) => w.length >= 5));
}

/** Compares the probe's final response with the control helper's, as Web Connectivity does. */
export function compareWithControl(probe: HttpObservation, control: HelperResponse['http_request']): HttpComparison {
  const none: HttpComparison = { statusCodeMatch: null, bodyProportion: null, bodyLengthMatch: null, headersMatch: null, titleMatch: null, samePage: null };
  if (probe.status === null || control.status_code <= 0 || control.failure) return none;
  let statusCodeMatch: boolean | null = probe.status === control.status_code;
  // A control that itself got an error page says nothing about the probe's (OONI LTE, #2287).
  if (!statusCodeMatch && (control.status_code < 200 || control.status_code > 299)) statusCodeMatch = null;

  let bodyProportion: number | null = null;
  if (probe.bodyLength > 0 && !probe.bodyTruncated && !probe.bodyMissing && control.body_length > 0) {
    bodyProportion = Math.min(probe.bodyLength, control.body_length) / Math.max(probe.bodyLength, control.body_length);
  }
  const bodyLengthMatch = bodyProportion === null ? null : bodyProportion > 0.7;

  const uncommon = (h: Record<string, string>): Set<string> => new Set(Object.keys(h).map((k) => k.toLowerCase()).filter((k) => !COMMON_HEADERS.has(k)));
  const mine = uncommon(probe.headers);
  const theirs = uncommon(control.headers);
  const headersMatch = [...mine].some((h) => theirs.has(h));

  const a = titleWords(probe.title ?? '');
  const b = titleWords(control.title ?? '');
  // A measurement that lacks the body lacks its title too: unknown, not different.
  const titleMatch = probe.bodyMissing ? null : [...a].every((w) => b.has(w)) && [...b].every((w) => a.has(w));

  const samePage = statusCodeMatch === null ? null : statusCodeMatch && (bodyLengthMatch === true || headersMatch || titleMatch === true) ? true : samePageWithout(statusCodeMatch, probe);
  return { statusCodeMatch, bodyProportion, bodyLengthMatch, headersMatch, titleMatch, samePage };
}

/** Nothing matched: a different page, unless the body that would decide was never recorded (then undecided). */
function samePageWithout(statusCodeMatch: boolean, probe: HttpObservation): boolean | null {
  return statusCodeMatch && probe.bodyMissing ? null : false;
}
