import * as t from 'io-ts';

/** The series a work belongs to. */
export const RawSeries = t.type({ id: t.number, title: t.string }, 'Series');
export type RawSeries = t.TypeOf<typeof RawSeries>;

/** The series a work belongs to. */
export interface Series {
  readonly id: number;
  readonly title: string;
}

export function toSeries(raw: RawSeries): Series {
  return { id: raw.id, title: raw.title };
}
