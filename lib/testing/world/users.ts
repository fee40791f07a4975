import { rngFor, hash } from '../random';
import { JOBS, REGIONS, SYLLABLES } from '../vocabulary';
import { ACCOUNT, PROLIFIC, SHOWCASE, WORLD_END, DAY_MS, hex32, jstDatePath, userIdOf, userIndexOf } from './layout';
import type { FakeUser, UserRole } from './records';

/** Random but stable profile fields of a user (`/v1/user/detail`). */
export interface FakeProfile {
  readonly webpage: string | null;
  readonly gender: string;
  readonly birth: string;
  readonly birthDay: string;
  readonly birthYear: number;
  readonly region: string;
  readonly addressId: number;
  readonly countryCode: string;
  readonly job: string;
  readonly jobId: number;
  readonly twitterAccount: string;
  readonly backgroundImageUrl: string | null;
  readonly publicity: 'public' | 'private';
}

/** The users of the world, generated up front (they are few). */
export class UserDirectory {
  /** Every user, in index order. */
  readonly users: readonly FakeUser[];

  constructor(
    private readonly seed: number,
    workCounts: readonly number[],
    novelCounts: readonly number[],
    private readonly imageBaseUrl: string,
    private readonly commonBaseUrl: string,
  ) {
    this.users = workCounts.map((count, k) => this.makeUser(k, count, novelCounts[k] ?? 0));
  }

  /** The user with this id. */
  user(id: number): FakeUser | undefined {
    const k = this.indexOf(id);
    return k === undefined ? undefined : this.users[k];
  }

  /** Index of a user id (`undefined` for ids no user has). */
  indexOf(id: number): number | undefined {
    return userIndexOf(id, this.users.length);
  }

  /** Random but stable profile fields of a user. */
  profileOf(userId: number): FakeProfile {
    const k = this.indexOf(userId) ?? 0;
    const rng = rngFor(this.seed, 'profile', k);
    const [job, jobId] = rng.pick(JOBS);
    const region = rng.pick(REGIONS);
    const year = rng.chance(0.5) ? 0 : rng.between(1975, 2005);
    const day = rng.chance(0.5) ? '' : `${String(rng.between(1, 12)).padStart(2, '0')}-${String(rng.between(1, 28)).padStart(2, '0')}`;
    return {
      webpage: rng.chance(0.3) ? `https://example.com/${k}` : null,
      gender: rng.pick(['', 'male', 'female']),
      birth: year && day ? `${year}-${day}` : '',
      birthDay: day,
      birthYear: year,
      region,
      addressId: region.startsWith('日本') ? rng.between(1, 47) : region ? 48 : 0,
      countryCode: region.startsWith('日本') ? '' : region === 'China' ? 'CN' : region === 'Korea' ? 'KR' : region ? 'US' : '',
      job,
      jobId,
      twitterAccount: rng.chance(0.4) ? `tw_${k}` : '',
      backgroundImageUrl: rng.chance(0.3)
        ? `${this.imageBaseUrl}/c/1200x600_90_a2_g5/background/img/${jstDatePath(WORLD_END - rng.int(900) * DAY_MS)}/${userId}_${hex32(this.seed, 'bg', k)}_master1200.jpg`
        : null,
      publicity: rng.chance(0.3) ? 'private' : 'public',
    };
  }

  private makeUser(k: number, workCount: number, novelCount: number): FakeUser {
    const rng = rngFor(this.seed, 'user', k);
    const syllables = Array.from({ length: rng.between(2, 4) }, () => rng.pick(SYLLABLES));
    const romaji = syllables.map(([r]) => r).join('');
    const kana = syllables.map(([, kanaText]) => kanaText).join('');
    const name = k === ACCOUNT ? 'テスト用アカウント' : rng.chance(0.5) ? kana : romaji[0]?.toUpperCase() + romaji.slice(1);
    const account = k === ACCOUNT ? 'pixiv_rx_tester' : `${romaji}_${k.toString(36)}`;
    const custom = k === SHOWCASE || k === PROLIFIC || rng.chance(0.8);
    const avatarDate = jstDatePath(WORLD_END - rng.int(2000) * DAY_MS);
    const profileImageUrl = custom
      ? `${this.imageBaseUrl}/user-profile/img/${avatarDate}/${hash(this.seed, 'avatar', k) % 30_000_000}_${hex32(this.seed, 'avatar', k)}_170.jpg`
      : `${this.commonBaseUrl}/common/images/no_profile.png`;
    return {
      id: userIdOf(k),
      role: (['account', 'showcase', 'prolific', 'restricted'] as const satisfies readonly UserRole[])[k] ?? 'member',
      name,
      account,
      mailAddress: `${account}@example.com`,
      comment: rng.chance(0.5) ? '' : rng.pick(['よろしくお願いします。', 'Illustrator.\r\nCommissions closed.', '絵を描いています', '趣味で描いてます🎨']),
      profileImageUrl,
      hasCustomProfileImage: custom,
      isPremium: k === ACCOUNT ? false : rng.chance(0.2),
      workCount,
      novelCount,
    };
  }
}
