/** A small cache of computed id lists (rankings, searches…), emptied when it grows past 500. */
export class ListCache {
  private readonly lists = new Map<string, readonly number[]>();

  /** The list under `key`, built on first use. */
  get(key: string, build: () => readonly number[]): readonly number[] {
    let value = this.lists.get(key);
    if (!value) {
      if (this.lists.size > 500) this.lists.clear();
      value = build();
      this.lists.set(key, value);
    }
    return value;
  }
}
