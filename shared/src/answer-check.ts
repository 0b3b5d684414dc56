// Schema-free, so the web's pulse page checks answers without loading zod.
import type { TPulse, TQuestion } from './pulse.js';
import type { TAnswers, TAnswerValue, TFieldErrors } from './response.js';

export type TAnswerCheck = { ok: true; answers: TAnswers } | { ok: false; fields: TFieldErrors };

/** Checks answers against the pulse; returns them normalised (blank text dropped, text trimmed). */
export function checkAnswers(pulse: Pick<TPulse, 'questions'>, answers: TAnswers): TAnswerCheck {
  const fields: TFieldErrors = {};
  const normalised: TAnswers = {};
  const questions = new Map(pulse.questions.map((q) => [q.id, q]));
  for (const id of Object.keys(answers)) {
    if (!questions.has(id)) fields[`answers.${id}`] = 'unknown question';
  }
  for (const question of pulse.questions) {
    const field = `answers.${question.id}`;
    const raw = answers[question.id];
    const value = typeof raw === 'string' && question.type === 'text' ? raw.trim() : raw;
    const blank =
      value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
    if (blank) {
      if (question.required) fields[field] = 'required';
      continue;
    }
    const problem = problemWith(question, value);
    if (problem) fields[field] = problem;
    else normalised[question.id] = value;
  }
  return Object.keys(fields).length > 0 ? { ok: false, fields } : { ok: true, answers: normalised };
}

function problemWith(question: TQuestion, value: TAnswerValue): string | null {
  switch (question.type) {
    case 'scale':
      return isIntegerIn(value, 1, 5) ? null : 'must be a whole number from 1 to 5';
    case 'enps':
      return isIntegerIn(value, 0, 10) ? null : 'must be a whole number from 0 to 10';
    case 'single': {
      const ids = question.options.map((o) => o.id);
      return typeof value === 'string' && ids.includes(value)
        ? null
        : `must be one of ${ids.join(', ')}`;
    }
    case 'multiple': {
      const ids = question.options.map((o) => o.id);
      if (!Array.isArray(value) || !value.every((v) => ids.includes(v))) {
        return `must be a list of ${ids.join(', ')}`;
      }
      return new Set(value).size === value.length ? null : 'must not repeat a choice';
    }
    case 'text':
      if (typeof value !== 'string') return 'must be text';
      return value.length <= question.maxLength
        ? null
        : `must be at most ${question.maxLength} characters`;
  }
}

function isIntegerIn(value: TAnswerValue, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}
