import type * as z from 'zod';
import { i18n, t, type TMessageKey } from './i18n.svelte';
import './zod-locale';

/**
 * Checks input with a shared schema, each wrong field with its problem in the current language:
 * zod's own message, plain words for a blank field, ours for a rule the schema words in English.
 * Reads the language, so a `$derived` using it re-checks when the member switches.
 */
export function fieldProblems<T extends z.ZodType>(
  schema: T,
  input: Record<string, unknown>,
  ownWords: Record<string, TMessageKey> = {},
): Record<string, string> {
  void i18n.locale;
  const parsed = schema.safeParse(input);
  if (parsed.success) return {};
  const found: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    const own = issue.code === 'custom' ? ownWords[field] : undefined;
    const value = input[field];
    const blank = typeof value === 'string' && value.trim() === '';
    found[field] ??= blank ? t('form.required') : own === undefined ? issue.message : t(own);
  }
  return found;
}
