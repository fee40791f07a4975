/**
 * A work's fields in the order Pixiv sends them (the bodies recorded from 2018 to 2025), up to
 * `meta_single_page`, whose value changes class from work to work (`{}` for several pages,
 * `{ original_image_url }` for one), as `series` does (`null` or an object). `x_restrict` is
 * missing from the oldest bodies.
 */
export const WORK_FIELDS_TO_META_SINGLE_PAGE = [
  'id',
  'title',
  'type',
  'image_urls',
  'caption',
  'restrict',
  'user',
  'tags',
  'tools',
  'create_date',
  'page_count',
  'width',
  'height',
  'sanity_level',
  'x_restrict',
  'series',
  'meta_single_page',
] as const;

/** The fields after it, as recorded, the ones that come and go last; then fillers. */
const LATER_FIELDS = [
  'meta_pages',
  'total_view',
  'total_bookmarks',
  'is_bookmarked',
  'visible',
  'is_muted',
  'total_comments',
  'illust_ai_type',
  'illust_book_style',
  'restriction_attributes',
] as const;

/** The numbers of fields the primer covers: works have had 22 to 27 (22 without `x_restrict`, in 2018). */
const FIELD_COUNTS = { withXRestrict: [21, 30], withoutXRestrict: [20, 24] } as const;

type Field = (typeof WORK_FIELDS_TO_META_SINGLE_PAGE)[number];

/** A value of the JSON type Pixiv sends for each field (small integers for numbers). */
function valueOf(field: Field, single: boolean): unknown {
  switch (field) {
    case 'title':
    case 'caption':
    case 'create_date':
      return '';
    case 'type':
      return 'illust';
    case 'image_urls':
      return { square_medium: '', medium: '', large: '' };
    case 'user':
      return { id: 1, name: '', account: '', profile_image_urls: { medium: '' }, is_followed: false };
    case 'tags':
      return [{ name: '', translated_name: null }];
    case 'tools':
      return [];
    case 'series':
      return single ? null : { id: 1, title: '' };
    case 'meta_single_page':
      return single ? { original_image_url: '' } : {};
    default:
      return 1;
  }
}

/**
 * The primer of a work's shapes (see `ShapePrimer`): for every number of fields above, a
 * single-page and a multi-page work, about 15 KB.
 */
export function illustrationShapes(): string {
  const variants = [
    { fields: WORK_FIELDS_TO_META_SINGLE_PAGE, counts: FIELD_COUNTS.withXRestrict },
    { fields: WORK_FIELDS_TO_META_SINGLE_PAGE.filter((field) => field !== 'x_restrict'), counts: FIELD_COUNTS.withoutXRestrict },
  ];
  const works: string[] = [];
  for (const { fields, counts: [fewest, most] } of variants) {
    for (const single of [true, false]) {
      // the fields up to meta_single_page as JSON, without the closing brace
      const start = JSON.stringify(Object.fromEntries(fields.map((field) => [field, valueOf(field, single)]))).slice(0, -1);
      for (let count = fewest; count <= most; count++) {
        let work = start;
        for (let extra = 0; fields.length + extra < count; extra++) work += `,"${LATER_FIELDS[extra] ?? `field_${extra}`}":${extra === 0 ? '[]' : '1'}`;
        works.push(`${work}}`);
      }
    }
  }
  return `[${works.join(',')}]`;
}
