import { DomainError, type TFieldErrors } from '@boucle/shared';
import type { z } from 'zod';

export function fieldErrorsOf(error: z.ZodError, prefix = ''): TFieldErrors {
  const fields: TFieldErrors = {};
  for (const issue of error.issues) {
    const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || 'body';
    fields[field] ??= issue.message;
  }
  return fields;
}

/** Parses input with its shared schema or throws a 400 naming every wrong field. */
export function parseInput<T extends z.ZodType>(
  schema: T,
  input: unknown,
  prefix = '',
): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new DomainError(
      'invalid_input',
      'Some fields are not valid',
      fieldErrorsOf(parsed.error, prefix),
    );
  }
  return parsed.data;
}

export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new DomainError('invalid_input', 'The request body is not valid JSON', {
      body: 'must be valid JSON',
    });
  }
}
