import { describe, expect, it } from 'vitest';
import { placeSummary, SUMMARY_END, SUMMARY_START, summaryTable } from './summary.js';

describe('summaryTable', () => {
  const figures = new Map([
    ['vote-burst', [{ figure: 'votes/s', value: '120', target: '' }]],
    [
      'http-burst',
      [
        { figure: 'answers/s', value: '95', target: '' },
        { figure: '5xx', value: '0', target: '0 | none' },
      ],
    ],
  ]);

  it('lists every figure in the order the scripts ran, escaping pipes, dashing empty cells', () => {
    const table = summaryTable(
      [
        { script: 'http-burst', outcome: 'ran', seconds: 60 },
        { script: 'vote-burst', outcome: 'ran', seconds: 30 },
      ],
      figures,
    );
    expect(table.split('\n')).toEqual([
      '| script | figure | value | target |',
      '| --- | --- | --: | --- |',
      '| http-burst | answers/s | 95 | — |',
      '| http-burst | 5xx | 0 | 0 \\| none |',
      '| vote-burst | votes/s | 120 | — |',
    ]);
  });

  it('says when a script failed, was skipped, or wrote nothing', () => {
    const table = summaryTable(
      [
        { script: 'http-burst', outcome: 'failed', seconds: 5, code: 1 },
        { script: 'vote-burst', outcome: 'skipped' },
        { script: 'lambda-init', outcome: 'ran', seconds: 9 },
        { script: 'review-reads', outcome: 'skipped' },
      ],
      figures,
    );
    expect(table).toContain('| http-burst (failed, exit 1) | answers/s | 95 | — |');
    expect(table).toContain("| vote-burst (skipped: an earlier run's figures) | votes/s |");
    expect(table).toContain('| lambda-init | no figures written | — | — |');
    expect(table).toContain("| review-reads (skipped: an earlier run's figures) | — | — | — |");
  });
});

describe('placeSummary', () => {
  it('replaces what is between the markers and keeps the rest', () => {
    const document = `# Quality\n\n${SUMMARY_START}\nold table\n${SUMMARY_END}\n\n## Review reads\n`;
    expect(placeSummary(document, 'new table\n')).toBe(
      `# Quality\n\n${SUMMARY_START}\n\nnew table\n\n${SUMMARY_END}\n\n## Review reads\n`,
    );
  });

  it('puts the markers under the title the first time', () => {
    expect(placeSummary('# Quality\nIntro.\n', 'table')).toBe(
      `# Quality\n\n${SUMMARY_START}\n\ntable\n\n${SUMMARY_END}\nIntro.\n`,
    );
  });
});
