import type { FakeComment, FakeIllustration, FakeUser, FakeWorld } from './world';

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

export class Serializer {
  constructor(
    private readonly world: FakeWorld,
    private readonly imageBaseUrl: string,
  ) {}

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
    const image = this.imageBaseUrl + this.world.placeholderPath(work.placeholder ?? 'unknown');
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
        profile_image_urls: { medium: `${this.imageBaseUrl}/common/images/no_profile.png` },
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
              stamp_url: `${this.imageBaseUrl}/common/images/stamp/generated-stamps/${comment.stampId}_s.jpg?20180605`,
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
        total_novels: 0,
        total_illust_bookmarks_public: w.bookmarksOf(user.id, 'public').length,
        total_illust_series: series.size,
        total_novel_series: 0,
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

  /** The `user` of a token response (`id` is a string there). */
  tokenUser(user: FakeUser, shape: 'modern' | 'response-only'): Json {
    const avatar = user.profileImageUrl;
    const sized = (size: number) =>
      user.hasCustomProfileImage
        ? avatar.replace(/_170\.jpg$/, `_${size}.jpg`)
        : `${this.imageBaseUrl}/common/images/${size === 16 ? 'no_profile_ss' : size === 50 ? 'no_profile_s' : 'no_profile'}.png`;
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
