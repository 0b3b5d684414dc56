import * as z from 'zod';
import { ZAdoptionInput, ZAdoptionRatios } from './adoption.js';
import { ZIterationStatus } from './iteration.js';
import { ZChoiceOption, ZQuestionId } from './pulse.js';
import { ZReleaseInfo } from './release.js';
import { ZSegmentDimension } from './segment.js';
import { ZLocalizedText } from './text.js';

/** An opened iteration as the trend charts label it (its goals are the labels). */
export const ZTrendIteration = z
  .object({
    id: z.number().int().positive(),
    name: z.string(),
    goals: z.array(z.string()),
    startDate: z.iso.date(),
    endDate: z.iso.date(),
    status: ZIterationStatus,
    /** The release its figures come from; null while none could be made (all withheld). */
    release: ZReleaseInfo.nullable(),
  })
  .meta({ id: 'TrendIteration' });
export type TTrendIteration = z.infer<typeof ZTrendIteration>;

/** A tracked question as its latest pulse words it (labels for the charts). */
export const ZTrendQuestion = z
  .object({
    id: ZQuestionId,
    type: z.enum(['scale', 'enps', 'single', 'multiple']),
    label: ZLocalizedText,
    /** The options of a choice question (empty otherwise), each a `share` series. */
    options: z.array(ZChoiceOption),
  })
  .meta({ id: 'TrendQuestion' });
export type TTrendQuestion = z.infer<typeof ZTrendQuestion>;

export const ZTrendKind = z
  .enum(['participation', 'mean', 'enps', 'share'])
  .meta({ id: 'TrendKind' });
export type TTrendKind = z.infer<typeof ZTrendKind>;

export const ZTrendPoint = z
  .object({
    iterationId: z.number().int().positive(),
    /**
     * Participation and shares on 0..1, means on 1..5, eNPS on −100..100. Null when withheld,
     * or when the question was not asked in that iteration (then `withheld` is false).
     */
    value: z.number().nullable(),
    /** 95 %: Wilson score for participation and shares, t for means, Tango's score for eNPS. */
    interval: z.object({ low: z.number(), high: z.number() }).nullable(),
    /** What the figure is out of: members for participation, answers otherwise. */
    n: z.number().int().nullable(),
    withheld: z.boolean(),
  })
  .meta({ id: 'TrendPoint' });
export type TTrendPoint = z.infer<typeof ZTrendPoint>;

export const ZChangeVerdict = z
  .enum(['clear rise', 'no clear change', 'clear fall'])
  .meta({ id: 'ChangeVerdict' });

/** The change between two consecutive opened iterations, and its two-sided test (α = 0.05). */
export const ZTrendChange = z
  .object({
    fromIterationId: z.number().int().positive(),
    toIterationId: z.number().int().positive(),
    /** after − before, in the series' unit (eNPS in points). */
    estimate: z.number(),
    pValue: z.number(),
    verdict: ZChangeVerdict,
  })
  .meta({ id: 'TrendChange' });
export type TTrendChange = z.infer<typeof ZTrendChange>;

export const ZTrendSeries = z
  .object({
    /** `participation`, `mean:<question>`, `enps:<question>` or `share:<question>:<option>`. */
    key: z.string(),
    kind: ZTrendKind,
    questionId: z.string().nullable(),
    optionId: z.string().nullable(),
    /** One point per opened iteration, oldest first (the order of `iterations`). */
    points: z.array(ZTrendPoint),
    /**
     * `changes[i]` compares `points[i - 1]` and `points[i]`: null for the first, and when either
     * side is withheld, not asked, or cannot be tested.
     */
    changes: z.array(ZTrendChange.nullable()),
  })
  .meta({ id: 'TrendSeries' });
export type TTrendSeries = z.infer<typeof ZTrendSeries>;

export const ZTrendGroup = z
  .object({
    /** The disclosure value (`*` is the pooled group: "other teams"…). */
    value: z.string(),
    pooled: z.boolean(),
    series: z.array(ZTrendSeries),
  })
  .meta({ id: 'TrendGroup' });
export type TTrendGroup = z.infer<typeof ZTrendGroup>;

/** An ambassador's team in one iteration, as the disclosure segments froze it when it opened. */
export const ZScopeTeam = z
  .object({
    iterationId: z.number().int().positive(),
    /** Null when they had no frozen segment then: that iteration shows nothing (withheld). */
    value: z.string().nullable(),
    /** True when their team was pooled (`*`): they see the pooled group. */
    pooled: z.boolean(),
  })
  .meta({ id: 'ScopeTeam' });
export type TScopeTeam = z.infer<typeof ZScopeTeam>;

export const ZTrendsScope = z
  .object({ dimension: z.literal('team'), teams: z.array(ZScopeTeam) })
  .meta({ id: 'TrendsScope' });
export type TTrendsScope = z.infer<typeof ZTrendsScope>;

export const ZTrendAdoption = z
  .object({
    iterationId: z.number().int().positive(),
    /** Organisation-wide counts the steering group typed in; null until they did. */
    figures: ZAdoptionInput.nullable(),
    ratios: ZAdoptionRatios.nullable(),
  })
  .meta({ id: 'TrendAdoption' });
export type TTrendAdoption = z.infer<typeof ZTrendAdoption>;

/**
 * Every opened iteration side by side, from released and gated figures only. For an ambassador
 * who is not steering, `overall` is their own team's group (`scope` says which, per iteration)
 * and `groups` is empty.
 */
export const ZTrends = z
  .object({
    k: z.number().int(),
    iterations: z.array(ZTrendIteration),
    questions: z.array(ZTrendQuestion),
    overall: z.array(ZTrendSeries),
    by: ZSegmentDimension.nullable(),
    groups: z.array(ZTrendGroup),
    scope: ZTrendsScope.nullable(),
    adoption: z.array(ZTrendAdoption),
  })
  .meta({ id: 'Trends' });
export type TTrends = z.infer<typeof ZTrends>;
