import type { Context } from 'hono';

/** A CSV export: downloaded under its file name, never cached (it holds released figures). */
export function csvAnswer(c: Context, fileName: string, csv: string): Response {
  return c.body(csv, 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${fileName}"`,
    'cache-control': 'no-store',
  });
}
