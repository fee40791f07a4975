import { AiType, Restriction } from './enums';

/** Pixiv's placeholder images for works it will not show: `…/common/images/limit_<why>_360.png`. */
const PLACEHOLDER = /\/common\/images\/limit_[a-z0-9_]+\.png$/;

/** Whether `url` is one of Pixiv's `limit_*` placeholder images (PROTOCOL.md, "Works"). */
export function isPlaceholderImage(url: string): boolean {
  return PLACEHOLDER.test(url);
}

/** `illust_ai_type` / `novel_ai_type` as an {@link AiType}; absent or out of range is `UNKNOWN`. */
export function toAiType(raw: number | undefined): AiType {
  return raw === AiType.NOT_AI || raw === AiType.AI ? raw : AiType.UNKNOWN;
}

/**
 * The audience of a work: `HIDDEN` when Pixiv sent a placeholder (`imageUrl` is a `limit_*`
 * image), else from `x_restrict` (0 all ages, 1 R-18, 2 R-18G; absent counts as all ages).
 */
export function toRestriction(xRestrict: number | undefined, imageUrl: string): Restriction {
  if (isPlaceholderImage(imageUrl)) return Restriction.HIDDEN;
  if (xRestrict === 1) return Restriction.R18;
  if (xRestrict === 2) return Restriction.R18G;
  return Restriction.NONE;
}
