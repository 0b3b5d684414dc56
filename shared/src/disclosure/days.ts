import { responsesByDay, type TTally } from '../tally.js';

export type TDayRange = { from: string; to: string; responses: number };

/**
 * Responses per day merged into ranges of at least k (consecutive days), keeping the boundaries
 * of the previous release's ranges so that two releases cannot be subtracted down to one day.
 *
 * The days a previous range spans (and those between it and the next one) stay together: a new
 * range is one or more previous ranges, or new days only, or previous ranges and the new days
 * merged into them — never a part of a previous range. Left to right, ranges close as soon as
 * they hold k; a trailing run under k merges into the range before it. When no range reaches k,
 * nothing per day is shown ([]).
 */
export function dayRanges(
  overall: TTally,
  k: number,
  previous: readonly TDayRange[] = [],
): TDayRange[] {
  const earlier = [...previous].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  // The smallest pieces a range is made of: previous ranges, then single new days.
  const pieces: TDayRange[] = earlier.map((range) => ({ ...range, responses: 0 }));
  for (const { day, responses } of responsesByDay(overall)) {
    // The last previous range starting on or before the day holds it, if the day is not later
    // than every previous range; days before the first previous range join that range.
    const lastTo = earlier.at(-1)?.to;
    let piece: TDayRange | undefined;
    if (lastTo !== undefined && day <= lastTo) {
      piece = [...pieces].reverse().find((each) => each.from <= day) ?? pieces[0];
    }
    if (piece) {
      piece.responses += responses;
      if (day < piece.from) piece.from = day;
      if (day > piece.to) piece.to = day;
    } else {
      pieces.push({ from: day, to: day, responses });
    }
  }
  const ranges: TDayRange[] = [];
  let open: TDayRange | null = null;
  for (const piece of pieces) {
    open = open
      ? { from: open.from, to: piece.to, responses: open.responses + piece.responses }
      : { ...piece };
    if (open.responses >= k) {
      ranges.push(open);
      open = null;
    }
  }
  const last = ranges.at(-1);
  if (!last) return [];
  if (open) {
    last.to = open.to;
    last.responses += open.responses;
  }
  return ranges;
}
