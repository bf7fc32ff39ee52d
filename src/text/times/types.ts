/** The times detector's public types. */

export type PartOfDay = 'morning' | 'afternoon' | 'evening' | 'night' | 'midday';

export interface ClockPart {
  start: number;
  end: number;
  text: string;
  /** 0–23, the best reading (a bare "3" is taken as 3 pm, see `exact`). */
  hour: number;
  minute: number;
  /** True when the text fixes am/pm ("3pm", "15:00", "noon"); false for "3:15", "at 3". */
  exact: boolean;
}

export interface ClockTime {
  /** UTF-16 offsets into the text; end exclusive. */
  start: number;
  end: number;
  text: string;
  partOfDay: PartOfDay;
  /** The clock times inside the expression: one, or two for a range. */
  parts: ClockPart[];
  /**
   * Where a replacement by a part of day may start: includes a leading "at", "at about",
   * "around" ("Doors open at 6pm" → "Doors open in the evening"). Equal to `start` otherwise.
   */
  replaceStart: number;
  /** The word before the time that introduced it ("at", "until", "before"...), lower case. */
  lead?: string;
  /** A part-of-day phrase written with the time ("in the evening", "tonight"), if any. */
  dayPhrase?: string;
  /** A part-of-day phrase written just before it ("this evening at 7"), if any. */
  dayBefore?: string;
}

export interface FindClockTimesOptions {
  /** Times that may be published, as written in the config: "8:45", "3:15pm", "8.30am-4pm". */
  allow?: string[];
}
