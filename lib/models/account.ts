import * as t from 'io-ts';
import { NumericId, UrlRecord } from './codecs';
import { User } from './user';

/** `user` of the OAuth token response: the authenticated account. */
export const RawAccount = t.intersection(
  [
    t.type(
      {
        // A string here ("47041657"), a number everywhere else.
        id: NumericId,
        name: t.string,
        account: t.string,
        // px_16x16, px_50x50, px_170x170
        profile_image_urls: UrlRecord,
        mail_address: t.string,
        is_premium: t.boolean,
        x_restrict: t.number,
        is_mail_authorized: t.boolean,
      },
      'AccountFields',
    ),
    t.partial({ require_policy_agreement: t.boolean }, 'OptionalAccountFields'),
  ],
  'Account',
);
export type RawAccount = t.TypeOf<typeof RawAccount>;

/** The authenticated account. */
export interface Account extends User {
  readonly mailAddress: string;
  readonly isPremium: boolean;
  /** The account's content setting: 0 all ages, 1 shows R-18, 2 shows R-18G too. */
  readonly xRestrict: number;
  readonly isMailAuthorized: boolean;
  readonly requirePolicyAgreement?: boolean;
}

export function toAccount(raw: RawAccount): Account {
  return {
    id: Number(raw.id),
    account: raw.account,
    name: raw.name,
    profileImageUrls: raw.profile_image_urls,
    // The token response does not say; there is nothing to follow about oneself.
    isFollowed: null,
    mailAddress: raw.mail_address,
    isPremium: raw.is_premium,
    xRestrict: raw.x_restrict,
    isMailAuthorized: raw.is_mail_authorized,
    requirePolicyAgreement: raw.require_policy_agreement,
  };
}
