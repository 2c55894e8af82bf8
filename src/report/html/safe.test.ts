import { describe, expect, it } from 'vitest';
import { escapeHtml, html, join, raw, SafeHtml } from './safe.ts';

describe('the html template', () => {
  it('escapes every interpolated text: tags, both quotes, ampersands', () => {
    const value = `<script>alert("x")</script> & 'y'`;
    expect(String(html`<p title="${value}">${value}</p>`)).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p>',
    );
  });

  it('passes nested safe HTML and lists of it through once, without escaping it again', () => {
    const inner = html`<b>${'a & b'}</b>`;
    const items = ['<1>', '&2'].map((x) => html`<li>${x}</li>`);
    expect(String(html`<div>${inner}<ul>${items}</ul></div>`)).toBe('<div><b>a &amp; b</b><ul><li>&lt;1&gt;</li><li>&amp;2</li></ul></div>');
    expect(String(html`${html`${html`${'&'}`}`}`)).toBe('&amp;');
  });

  it('escapes text in a list item by item, and writes nothing for null, undefined and false', () => {
    expect(String(html`${['<a>', 3, null, undefined, false]}`)).toBe('&lt;a&gt;3');
    expect(String(html`${0}|${''}`)).toBe('0|');
  });

  it('takes a string that looks like HTML as text: only the template and raw() make SafeHtml', () => {
    const looksSafe = { toString: () => '<b>' } as unknown as string;
    expect(String(html`${looksSafe}`)).toBe('&lt;b&gt;');
    expect(String(html`${raw('<style>a{}</style>')}`)).toBe('<style>a{}</style>');
    expect(raw('x')).toBeInstanceOf(SafeHtml);
  });

  it('drops the credentials of a URL in any value, as the report always has', () => {
    expect(String(html`<a>${'see https://user:pw@example.org/a?b=1&c=2'}</a>`)).toBe('<a>see https://example.org/a?b=1&amp;c=2</a>');
    expect(escapeHtml('ftp://me@host/')).toBe('ftp://host/');
  });

  it('joins fragments with an escaped separator', () => {
    expect(String(join([html`<i>1</i>`, html`<i>2</i>`], ' & '))).toBe('<i>1</i> &amp; <i>2</i>');
    expect(String(join([], '\n'))).toBe('');
  });
});
