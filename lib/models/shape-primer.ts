import type * as t from 'io-ts';

/**
 * A JSON text parsed once, before the first check of a codec is compiled, so that V8 has seen
 * every class of value each field of a body's objects can hold before it optimizes the code
 * that reads them.
 *
 * Why: V8 gives the objects `JSON.parse` makes a hidden class per sequence of keys, starting from
 * one root per number of keys, and remembers for each field the class of the values it has held
 * so far. Code it optimized while a field had held one class only (`meta_single_page` as `{}`,
 * say) is thrown away the first time a body brings the other one (`{ original_image_url }`) under
 * that root, and is compiled again pages later. Works come with 22 to 27 fields, so a listing
 * reaches a rare root late: in a fresh process paging 3,000 works, the compiled body check and
 * `toIllustration` were thrown away halfway and compiled again 30 to 40 pages later. Parsing
 * every variant under every root first makes those fields general from the start; nothing else
 * changes, and outside V8 the parse is merely a few kilobytes read once.
 */
export class ShapePrimer {
  private primed = false;

  /** `text` makes the JSON text (a few KB), at the first {@link prime} only. */
  constructor(private readonly text: () => string) {}

  /**
   * Parses the text, the first time only, in a microtask: after the check that asked for it has
   * run and the answer it checked has gone on, out of the way of the first work.
   */
  prime(): void {
    if (this.primed) return;
    this.primed = true;
    queueMicrotask(() => {
      JSON.parse(this.text());
    });
  }
}

/** A codec whose check, when compiled, is preceded by its primer's parse. */
interface ShapePrimed {
  readonly shapePrimer?: ShapePrimer;
}

/** `codec` itself, carrying a primer of the shapes of the objects it checks. */
export function withShapePrimer<C extends t.Mixed>(codec: C, text: () => string): C {
  return Object.assign(codec, { shapePrimer: new ShapePrimer(text) });
}

/** Runs the primer `codec` carries, if any, once (see {@link ShapePrimer}). */
export function primeShapesOf(codec: t.Mixed): void {
  (codec as ShapePrimed).shapePrimer?.prime();
}
