import type { FakeComment, FakeIllustration, FakeNovel, FakeSeries, FakeSpotlightArticle, FakeTag, FakeUser, FakeWorld } from './world';

/**
 * Turns world records into the JSON Pixiv sends, field for field and in Pixiv's key order
 * (see spec/fixtures/v1-illust-detail/pixivpy-2025-126839540.json and the 2025 ranking).
 */

/** `Accept-Language` reduced to the translations the fake has. */
export type Language = 'en' | 'zh' | null;

export function languageOf(acceptLanguage: string | undefined): Language {
  const value = (acceptLanguage ?? '').trim().toLowerCase();
  if (value.startsWith('en')) return 'en';
  if (value.startsWith('zh') || value.startsWith('chinese')) return 'zh';
  return null;
}

/** Who is asking, which changes `is_bookmarked`, `is_followed` and `translated_name`. */
export interface Viewer {
  readonly userId: number;
  readonly language: Language;
}

/**
 * `detail`: /v1/illust/detail (non-webp crops, `total_comments`, `comment_access_control`);
 * `list`: modern list items (webp crops); `list-with-comments`: /v1/user/illusts items, which
 * also carry `total_comments`.
 */
export type IllustVariant = 'detail' | 'list' | 'list-with-comments';

type Json = Record<string, unknown>;

/** `detail`: /v2/novel/detail (with `comment_access_control`); `list`: novel list items. */
export type NovelVariant = 'detail' | 'list';

export class Serializer {
  private readonly commonBaseUrl: string;

  constructor(
    private readonly world: FakeWorld,
    private readonly imageBaseUrl: string,
  ) {
    this.commonBaseUrl = world.commonBaseUrl;
  }

  illust(work: FakeIllustration, viewer: Viewer, variant: IllustVariant): Json {
    if (work.placeholder) return this.placeholder(work, variant);
    const webp = variant !== 'detail';
    const img = this.imageBaseUrl;
    const w = this.world;
    const pageUrls = (page: number) => ({
      square_medium: img + w.imagePath(work, page, 'square_medium', webp),
      medium: img + w.imagePath(work, page, 'medium', webp),
      large: img + w.imagePath(work, page, 'large', webp),
    });
    const author = w.user(work.userId) as FakeUser;
    const body: Json = {
      id: work.id,
      title: work.title,
      type: work.type,
      image_urls: pageUrls(0),
      caption: work.caption,
      restrict: 0,
      user: this.userRef(author, viewer),
      tags: work.tags.map((tag) => ({
        name: tag.name,
        translated_name: viewer.language ? tag[viewer.language] : null,
      })),
      tools: work.tools,
      create_date: work.createDate,
      page_count: work.pageCount,
      width: work.width,
      height: work.height,
      sanity_level: work.sanityLevel,
      x_restrict: work.xRestrict,
      series: work.series,
      meta_single_page: work.pageCount === 1 ? { original_image_url: work.originalUrls[0] } : {},
      meta_pages:
        work.pageCount === 1
          ? []
          : work.originalUrls.map((original, page) => ({ image_urls: { ...pageUrls(page), original } })),
      total_view: work.totalView,
      total_bookmarks: work.totalBookmarks,
      is_bookmarked: w.bookmark(viewer.userId, work.id) !== undefined,
      visible: true,
      is_muted: false,
    };
    if (variant !== 'list') body.total_comments = work.totalComments;
    if (work.aiType !== undefined) body.illust_ai_type = work.aiType;
    if (work.bookStyle !== undefined) body.illust_book_style = work.bookStyle;
    if (variant === 'detail') body.comment_access_control = 0;
    if (work.restrictionAttributes) body.restriction_attributes = work.restrictionAttributes;
    return body;
  }

  /** A hidden work, exactly like spec/fixtures/v1-illust-detail/lifegpc-issue640-2023-limit-sanity-placeholder.json. */
  private placeholder(work: FakeIllustration, variant: IllustVariant): Json {
    const image = this.commonBaseUrl + this.world.placeholderPath(work.placeholder ?? 'unknown');
    const body: Json = {
      id: work.id,
      title: '',
      type: 'illust',
      image_urls: { square_medium: image, medium: image, large: image },
      caption: '',
      restrict: 0,
      user: {
        id: work.userId,
        name: '',
        account: '',
        profile_image_urls: { medium: `${this.commonBaseUrl}/common/images/no_profile.png` },
      },
      tags: [],
      tools: [],
      create_date: work.createDate,
      page_count: 1,
      width: 100,
      height: 100,
      sanity_level: 0,
      x_restrict: 0,
      series: null,
      meta_single_page: { original_image_url: image },
      meta_pages: [],
      total_view: 0,
      total_bookmarks: 0,
      is_bookmarked: false,
      visible: false,
      is_muted: false,
      illust_ai_type: 0,
      illust_book_style: 0,
    };
    if (variant === 'detail') body.comment_access_control = 0;
    return body;
  }

  /** The user object inside works, comments and previews. */
  userRef(user: FakeUser, viewer: Viewer | undefined): Json {
    const body: Json = {
      id: user.id,
      name: user.name,
      account: user.account,
      profile_image_urls: { medium: user.profileImageUrl },
    };
    if (viewer) body.is_followed = this.world.isFollowing(viewer.userId, user.id);
    return body;
  }

  /** A /v3/illust/comments or /v2/illust/comment/replies item. */
  comment(comment: FakeComment): Json {
    const user = this.world.user(comment.userId) as FakeUser;
    return {
      id: comment.id,
      comment: comment.comment,
      date: comment.date,
      user: this.userRef(user, undefined),
      has_replies: comment.replyCount > 0,
      stamp:
        comment.stampId === null
          ? null
          : {
              stamp_id: comment.stampId,
              stamp_url: `${this.commonBaseUrl}/common/images/stamp/generated-stamps/${comment.stampId}_s.jpg?20180605`,
            },
    };
  }

  /** `/v1/user/detail` body. */
  userDetail(user: FakeUser, viewer: Viewer): Json {
    const w = this.world;
    const profile = w.profileOf(user.id);
    const illusts = w.userWorkCount(user.id, 'illust');
    const manga = w.userWorkCount(user.id, 'manga');
    const series = new Set(
      w.illustrationIdsOf(user.id, 'manga').map((id) => w.illustration(id)?.series?.id).filter((id) => id !== undefined),
    );
    const visibility = profile.publicity;
    return {
      user: {
        ...this.userRef(user, viewer),
        comment: user.comment,
        is_access_blocking_user: false,
      },
      profile: {
        webpage: profile.webpage,
        gender: profile.gender,
        birth: profile.birth,
        birth_day: profile.birthDay,
        birth_year: profile.birthYear,
        region: profile.region,
        address_id: profile.addressId,
        country_code: profile.countryCode,
        job: profile.job,
        job_id: profile.jobId,
        total_follow_users: w.followingOf(user.id, 'public').length,
        total_mypixiv_users: w.followersOf(user.id).length % 7,
        total_illusts: illusts,
        total_manga: manga,
        total_novels: w.novelIdsOf(user.id).length,
        total_illust_bookmarks_public: w.bookmarksOf(user.id, 'public').length,
        total_illust_series: series.size,
        total_novel_series: w.seriesOf(user.id, 'novel').length,
        background_image_url: profile.backgroundImageUrl,
        twitter_account: profile.twitterAccount,
        twitter_url: profile.twitterAccount ? `https://twitter.com/${profile.twitterAccount}` : null,
        pawoo_url: null,
        is_premium: user.isPremium,
        is_using_custom_profile_image: user.hasCustomProfileImage,
      },
      profile_publicity: {
        gender: visibility,
        region: visibility,
        birth_day: visibility,
        birth_year: visibility,
        job: visibility,
        pawoo: true,
      },
      workspace: {
        pc: '',
        monitor: '',
        tool: '',
        scanner: '',
        tablet: '',
        mouse: '',
        printer: '',
        desktop: '',
        music: '',
        desk: '',
        chair: '',
        comment: '',
        workspace_image_url: null,
      },
    };
  }

  /**
   * A novel as `/v2/novel/detail` and the novel lists send it (key order of
   * spec/fixtures/v2-novel-detail/): `series` is `{}` when there is none.
   */
  novel(novel: FakeNovel, viewer: Viewer, variant: NovelVariant): Json {
    const w = this.world;
    if (novel.placeholder) {
      const image = this.commonBaseUrl + w.placeholderPath(novel.placeholder);
      return {
        id: novel.id,
        title: '',
        caption: '',
        restrict: 0,
        x_restrict: 0,
        is_original: false,
        image_urls: { square_medium: image, medium: image, large: image },
        create_date: novel.createDate,
        tags: [],
        page_count: 1,
        text_length: 0,
        user: {
          id: novel.userId,
          name: '',
          account: '',
          profile_image_urls: { medium: `${this.commonBaseUrl}/common/images/no_profile.png` },
        },
        series: {},
        is_bookmarked: false,
        total_bookmarks: 0,
        total_view: 0,
        visible: false,
        total_comments: 0,
        is_muted: false,
        is_mypixiv_only: false,
        is_x_restricted: false,
        novel_ai_type: 0,
      };
    }
    const body: Json = {
      id: novel.id,
      title: novel.title,
      caption: novel.caption,
      restrict: 0,
      x_restrict: novel.xRestrict,
      is_original: novel.isOriginal,
      image_urls: { ...novel.coverUrls },
      create_date: novel.createDate,
      tags: novel.tags.map((tag) => ({
        name: tag.name,
        translated_name: viewer.language ? tag[viewer.language] : null,
        added_by_uploaded_user: true,
      })),
      page_count: novel.pageCount,
      text_length: novel.textLength,
      user: this.userRef(w.user(novel.userId) as FakeUser, viewer),
      series: novel.series ? { id: novel.series.id, title: novel.series.title } : {},
      is_bookmarked: w.novelBookmark(viewer.userId, novel.id) !== undefined,
      total_bookmarks: novel.totalBookmarks,
      total_view: novel.totalView,
      visible: true,
      total_comments: novel.totalComments,
      is_muted: false,
      is_mypixiv_only: false,
      is_x_restricted: novel.xRestrict > 0,
    };
    if (novel.aiType !== undefined) body.novel_ai_type = novel.aiType;
    if (variant === 'detail') body.comment_access_control = 0;
    return body;
  }

  /** A `trend_tags` item: the tag and an illustration carrying it. */
  trendTag(pair: { readonly tag: FakeTag; readonly illustId: number }, viewer: Viewer): Json {
    return {
      tag: pair.tag.name,
      translated_name: viewer.language ? pair.tag[viewer.language] : null,
      illust: this.illust(this.world.illustration(pair.illustId) as FakeIllustration, viewer, 'list'),
    };
  }

  /** `illust_series_detail` (spec/fixtures/v1-illust-series/). */
  illustSeriesDetail(series: FakeSeries, viewer: Viewer, watched: boolean): Json {
    const first = this.world.illustration(series.workIds[0] ?? -1);
    const cover = first && !first.placeholder ? this.imageBaseUrl + this.world.imagePath(first, 0, 'medium', false) : null;
    return {
      id: series.id,
      title: series.title,
      caption: series.caption,
      cover_image_urls: { medium: cover },
      series_work_count: series.workIds.length,
      create_date: first?.createDate ?? '',
      width: first?.width ?? 0,
      height: first?.height ?? 0,
      user: this.userRef(this.world.user(series.userId) as FakeUser, viewer),
      watchlist_added: watched,
    };
  }

  /** `novel_series_detail` (spec/fixtures/v2-novel-series/). */
  novelSeriesDetail(series: FakeSeries, viewer: Viewer, watched: boolean): Json {
    const novels = series.workIds.map((id) => this.world.novel(id)).filter((n) => n !== undefined);
    const last = novels[novels.length - 1];
    const body: Json = {
      id: series.id,
      title: series.title,
      caption: series.caption,
      is_original: novels[0]?.isOriginal ?? false,
      is_concluded: series.id % 3 === 0,
      content_count: novels.length,
      total_character_count: novels.reduce((sum, n) => sum + n.textLength, 0),
      user: this.userRef(this.world.user(series.userId) as FakeUser, viewer),
      display_text: series.caption,
      novel_ai_type: last?.aiType ?? 0,
      watchlist_added: watched,
    };
    return body;
  }

  /** A watchlist `series` item (spec/fixtures/v1-watchlist-manga/). */
  watchlistSeries(series: FakeSeries): Json {
    const latestId = series.workIds[series.workIds.length - 1] ?? 0;
    let date: string;
    let url: string | null = null;
    if (series.kind === 'manga') {
      const latest = this.world.illustration(latestId);
      date = latest?.createDate ?? '';
      if (latest && !latest.placeholder) url = this.imageBaseUrl + this.world.imagePath(latest, 0, 'medium', false).replace('/c/540x540_70/', '/c/240x480/');
    } else {
      const latest = this.world.novel(latestId);
      date = latest?.createDate ?? '';
      url = latest?.coverUrls.large ?? null;
    }
    const user = this.world.user(series.userId) as FakeUser;
    return {
      mask_text: null,
      user: { id: user.id, account: user.account, name: user.name, profile_image_urls: { medium: user.profileImageUrl } },
      latest_content_id: latestId,
      id: series.id,
      title: series.title,
      last_published_content_datetime: date,
      published_content_count: series.workIds.length,
      url,
    };
  }

  /** A `spotlight_articles` item (spec/fixtures/v1-spotlight-articles/). */
  spotlightArticle(article: FakeSpotlightArticle): Json {
    return {
      id: article.id,
      title: article.title,
      pure_title: article.pureTitle,
      thumbnail: article.thumbnail,
      article_url: article.articleUrl,
      publish_date: article.publishDate,
      category: article.category,
      subcategory_label: article.subcategoryLabel,
    };
  }

  /** The `user` of a token response (`id` is a string there). */
  tokenUser(user: FakeUser, shape: 'modern' | 'response-only'): Json {
    const avatar = user.profileImageUrl;
    const sized = (size: number) =>
      user.hasCustomProfileImage
        ? avatar.replace(/_170\.jpg$/, `_${size}.jpg`)
        : `${this.commonBaseUrl}/common/images/${size === 16 ? 'no_profile_ss' : size === 50 ? 'no_profile_s' : 'no_profile'}.png`;
    const body: Json = {
      profile_image_urls: { px_16x16: sized(16), px_50x50: sized(50), px_170x170: sized(170) },
      id: String(user.id),
      name: user.name,
      account: user.account,
      mail_address: user.mailAddress,
      is_premium: user.isPremium,
      x_restrict: 0,
      is_mail_authorized: true,
    };
    if (shape === 'modern') body.require_policy_agreement = false;
    return body;
  }
}

/**
 * Serialises like the API does: `\/` for slashes and `\uXXXX` for everything outside ASCII
 * (see the RAW fixtures). Any JSON parser reads it; a client that scrapes strings does not.
 */
export function pixivJson(value: unknown): string {
  return JSON.stringify(value).replace(/[/\u007f-\uffff]/g, (c) =>
    c === '/' ? '\\/' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
