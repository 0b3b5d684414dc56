import { describe, expect, it } from 'vitest';
import { defaultPulseTemplate } from './pulse-template.js';
import { checkAnswers } from './answer-check.js';

const valid = {
  usefulness: 4,
  'ease-of-use': 3,
  frequency: 'weekly',
  enps: 8,
  'training-need': 'none',
};

describe('checkAnswers', () => {
  it('accepts a complete answer and drops blank optional text', () => {
    const result = checkAnswers(defaultPulseTemplate, { ...valid, comment: '   ', blockers: [] });
    expect(result).toEqual({ ok: true, answers: valid });
  });

  it('trims free text', () => {
    const result = checkAnswers(defaultPulseTemplate, { ...valid, comment: '  more training  ' });
    expect(result.ok && result.answers.comment).toBe('more training');
  });

  it('names every wrong field: type, range, unknown question, missing required', () => {
    const result = checkAnswers(defaultPulseTemplate, {
      usefulness: 6,
      'ease-of-use': 2.5,
      frequency: 'hourly',
      enps: '9',
      blockers: ['time', 'time'],
      surprise: 1,
    });
    expect(result).toEqual({
      ok: false,
      fields: {
        'answers.usefulness': 'must be a whole number from 1 to 5',
        'answers.ease-of-use': 'must be a whole number from 1 to 5',
        'answers.frequency': 'must be one of daily, weekly, monthly, rarely',
        'answers.enps': 'must be a whole number from 0 to 10',
        'answers.training-need': 'required',
        'answers.blockers': 'must not repeat a choice',
        'answers.surprise': 'unknown question',
      },
    });
  });

  it('refuses text longer than the question allows and options that do not exist', () => {
    const result = checkAnswers(defaultPulseTemplate, {
      ...valid,
      comment: 'x'.repeat(1001),
      blockers: ['weather'],
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.fields)).toEqual([
      'answers.blockers',
      'answers.comment',
    ]);
  });
});
