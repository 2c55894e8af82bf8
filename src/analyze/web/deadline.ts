import { msg } from '../../i18n/index.ts';
import type { WebRule } from './context.ts';

/** 1. Cut short by the whole-target deadline: what is missing says nothing about the site. */
export const deadlineRule: WebRule = {
  id: 'deadline',
  description: 'The whole-target deadline cut the measurement short → inconclusive: what is missing says nothing about the site.',
  apply: (ctx) => (ctx.m.deadlineExceeded ? ctx.verdict('inconclusive', null, msg('web.deadline')) : null),
};
